using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Reporting.Excel;

namespace ComplaintPortal.Tests.Reporting.Excel;

/// <summary>Saves a report and opens the bytes again, as a person's spreadsheet program would.</summary>
internal static class WorkbookReader
{
    public static byte[] Save(ReportWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.Save(stream);
        return stream.ToArray();
    }

    public static XLWorkbook Open(byte[] xlsx) => new(new MemoryStream(xlsx));

    /// <summary>Every formula element in every worksheet part of the package, read from the raw XML.</summary>
    public static IReadOnlyList<string> Formulas(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries
            .Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                using var part = e.Open();
                return XDocument.Load(part).Descendants().Where(x => x.Name.LocalName == "f").Select(x => x.Value).ToList();
            })
            .ToList();
    }
}
