using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ComplaintPortal.Tests.Cases;

/// <summary>Cases registered before the phone key existed get it at the next start, so a repeat caller's old cases are found too.</summary>
public sealed class PhoneKeysTests
{
    [Fact]
    public async Task Cases_without_a_key_get_it_from_their_phone_and_the_rest_are_left_as_they_are()
    {
        using var database = await TestDatabase.WithSchema().MigrateAsync();
        var driver = await CaseDriver.CreateAsync(database);
        var sample = CaseDriver.SampleIntake();
        var old = await driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "+86 138 0013 8000" } });
        var noPhone = await driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = null } });
        var current = await driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "13900001111" } });
        await using (var db = database.CreateContext())
        {
            Assert.Equal("13800138000", (await db.Complaints.SingleAsync(c => c.Id == old.Id)).PhoneKey);
            await db.Database.ExecuteSqlAsync($"UPDATE Complaints SET PhoneKey = NULL WHERE Id = {old.Id}");
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await PhoneKeys.BackfillAsync(db));
            Assert.Equal(0, await PhoneKeys.BackfillAsync(db));
        }

        await using (var db = database.CreateContext())
        {
            var keys = await db.Complaints.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.PhoneKey);
            Assert.Equal("13800138000", keys[old.Id]);
            Assert.Null(keys[noPhone.Id]);
            Assert.Equal("13900001111", keys[current.Id]);
        }
    }

    [Fact]
    public async Task Upgrading_gives_cases_registered_before_the_e_mail_key_their_key_in_lower_case()
    {
        using var database = await TestDatabase.WithSchema().MigrateAsync();
        var driver = await CaseDriver.CreateAsync(database);
        var sample = CaseDriver.SampleIntake();
        var written = await driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Email = "Li.Na@Example.cn" } });
        var noEmail = await driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Email = null } });
        await using (var db = database.CreateContext())
        {
            // Back to the schema before the key, then up again: the upgrade an existing file goes through.
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261203170341_ComplainantPhoneKey");
            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        var keys = await check.Complaints.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.EmailKey);
        Assert.Equal("li.na@example.cn", keys[written.Id]);
        Assert.Null(keys[noEmail.Id]);
    }
}
