using ComplaintPortal.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

/// <summary>An archived file shows the complainant unmasked: every read is in the personal-data log as well as the access register.</summary>
public sealed class ArchivePersonalDataTests : ArchiveTest
{
    [Fact]
    public async Task Reading_an_archived_file_and_previewing_its_photo_are_written_to_the_personal_data_log()
    {
        var (complaint, photo) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        var file = await FileOfAsync(complaint.Id);
        await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(2));

        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Driver.Outsider, file.ArchiveNumber, Viewer)));
        var view = await WithAccessAsync(a => a.ReadAsync(Requester, file.ArchiveNumber, Viewer));
        var seal = Assert.Single(view!.Content!.Evidence);
        Assert.NotNull(await WithAccessAsync(a => a.PreviewEvidenceAsync(Requester, file.ArchiveNumber, seal.EvidenceId, Viewer)));
        Assert.Null(await WithAccessAsync(a => a.PreviewEvidenceAsync(Driver.Outsider, file.ArchiveNumber, seal.EvidenceId, Viewer)));

        await using var db = Database.CreateContext();
        var lines = await db.PersonalDataViews.AsNoTracking().Where(v => v.CaseNumber == complaint.CaseNumber).OrderBy(v => v.Id).ToListAsync();
        Assert.DoesNotContain(lines, v => v.ViewerUserId == Driver.Outsider.UserId);
        var mine = lines.Where(v => v.ViewerUserId == Requester.UserId).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal((complaint.Id, PersonalDataViewKind.CasePage, file.ArchiveNumber, "10.0.0.7", Driver.Time.GetUtcNow()),
            (mine[0].ComplaintId, mine[0].Kind, mine[0].Detail, mine[0].Address, mine[0].At));
        Assert.Equal((PersonalDataViewKind.Evidence, photo.FileName), (mine[1].Kind, mine[1].Detail));
    }
}
