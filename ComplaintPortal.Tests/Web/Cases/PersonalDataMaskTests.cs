using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Tests.Web.Cases;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0755-88889999", "075******9999")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Phone_keeps_the_first_three_and_last_four_digits(string? phone, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("王", "王*")]
    [InlineData("王小明", "王**")]
    [InlineData("Alice", "A****")]
    public void Name_keeps_only_the_first_character(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Name(name));

    [Fact]
    public void Email_keeps_the_domain() => Assert.Equal("w***@example.cn", PersonalDataMask.Email("wang@example.cn"));
}
