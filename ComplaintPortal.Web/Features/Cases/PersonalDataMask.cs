namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Hides a complainant's personal data from people who do not work the case (138****5678, 王*).</summary>
public static class PersonalDataMask
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        return phone.Length <= 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var letters = System.Globalization.StringInfo.GetNextTextElementLength(name);
        return string.Concat(name.AsSpan(0, letters), new string('*', Math.Max(1, name.Length - letters)));
    }

    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary>Addresses and tenant units reveal too much to keep any part.</summary>
    public static string Other(string? value) => string.IsNullOrEmpty(value) ? "" : "***";
}
