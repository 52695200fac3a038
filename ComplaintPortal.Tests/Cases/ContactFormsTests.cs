using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Tests.Cases;

/// <summary>What a clerk may type as a complainant's phone and e-mail: whatever reaches someone, nothing that cannot.</summary>
public sealed class ContactFormsTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("(0755) 8888-6666")]
    [InlineData("0755-88886666转123")]
    [InlineData("021 6666 8888 ext. 12")]
    [InlineData("95588")]
    [InlineData("13800138000 / 0755-88886666")]
    [InlineData("０７５５－８８８８６６６６")]
    public void Numbers_as_callers_give_them_are_phones(string phone) => Assert.True(ContactForms.IsPhone(phone));

    [Theory]
    [InlineData("abc12")]
    [InlineData("1234")]
    [InlineData("不详")]
    [InlineData("138-1234-56xx")]
    [InlineData("wang@example.cn")]
    public void Text_without_a_number_in_it_is_not_a_phone(string phone) => Assert.False(ContactForms.IsPhone(phone));

    [Theory]
    [InlineData("wang@example.cn", true)]
    [InlineData(" li.qiang+complaints@mail.example.com ", true)]
    [InlineData("not-an-email", false)]
    [InlineData("wang@localhost", false)]
    [InlineData("王 <wang@example.cn>", false)]
    [InlineData("wang@example.", false)]
    public void An_e_mail_is_one_plain_address(string email, bool valid) => Assert.Equal(valid, ContactForms.IsEmail(email));

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("13800138000 / 0755-88886666", "13800138000")]
    [InlineData("0755-8888 6666 转 123", "75588886666")]
    [InlineData("0755-88886666 ext. 9", "75588886666")]
    [InlineData("95588", "95588")]
    public void A_phone_s_key_is_its_number_however_it_was_typed(string phone, string key) => Assert.Equal(key, ContactForms.PhoneKey(phone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("1234")]
    [InlineData("不详")]
    public void No_number_no_key(string? phone) => Assert.Null(ContactForms.PhoneKey(phone));

    [Theory]
    [InlineData("wang.fang@example.com", "wang.fang@example.com")]
    [InlineData(" Wang.Fang@Example.COM ", "wang.fang@example.com")]
    public void An_address_s_key_is_the_address_however_it_was_cased(string email, string key) => Assert.Equal(key, ContactForms.EmailKey(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("不详")]
    public void No_address_no_key(string? email) => Assert.Null(ContactForms.EmailKey(email));
}
