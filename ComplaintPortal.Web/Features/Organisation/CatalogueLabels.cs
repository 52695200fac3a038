using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Validation;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>The solution types' and cause categories' page in the reader's words: the lists, refusals and problems.</summary>
public static class CatalogueLabels
{
    public static string List(CatalogueKind kind) => kind == CatalogueKind.SolutionType ? OrganisationText.Catalogue_SolutionTypes : OrganisationText.Catalogue_CauseCategories;

    public static string Error(CatalogueError error) => Text("Catalogue_Error_", error.ToString());

    public static string Problem(CatalogueFieldError refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return refused.Problem switch
        {
            CatalogueProblem.Required => CaseText.Validation_Required,
            CatalogueProblem.Text when refused.Text is { } text => InputMessages.Describe(text),
            _ => Text("Catalogue_Problem_", refused.Problem.ToString()),
        };
    }

    private static string Text(string prefix, string name) =>
        OrganisationText.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? InputText.Problem_Title;
}
