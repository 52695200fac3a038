using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// The last line at the store's door: every text about to be written is checked against the limits the
/// entity configurations declare (<c>HasMaxLength</c>, <see cref="StoredText.IsSingleLine{T}"/>) and every
/// enumeration against its defined values. One refused value abandons the whole save, so nothing is
/// stored half-way and no database ever cuts a value silently. The use cases validate first and name
/// the field in their own words; this catches whatever path forgot.
/// </summary>
public sealed class StoredValueGuard : SavingCheck
{
    public static StoredValueGuard Instance { get; } = new();

    protected override void Saving(DbContext context)
    {
        var errors = new List<FieldError>();
        foreach (var entry in context.ChangeTracker.AsDetected())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var owner = entry.Metadata.ClrType.Name;
            foreach (var property in entry.Properties)
            {
                Check(errors, owner, property, entry.State == EntityState.Added);
            }

            foreach (var complex in entry.ComplexProperties)
            {
                foreach (var property in complex.Properties)
                {
                    Check(errors, owner + "." + complex.Metadata.Name, property, entry.State == EntityState.Added);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors);
        }
    }

    private static void Check(List<FieldError> errors, string owner, PropertyEntry property, bool added)
    {
        // Only what this save writes: an untouched legacy value never blocks an unrelated change.
        if ((!added && !property.IsModified) || property.CurrentValue is not { } value)
        {
            return;
        }

        var field = owner + "." + property.Metadata.Name;
        switch (value)
        {
            case string text:
                var max = property.Metadata.GetMaxLength() ?? int.MaxValue;
                var problem = TextRules.Check(text, max, StoredText.ShapeOf(property.Metadata));
                if (problem != InputProblem.None)
                {
                    errors.Add(new FieldError(field, problem, problem == InputProblem.TooLong ? max : null));
                }

                break;
            case Enum choice when !TextRules.IsDefined(choice):
                errors.Add(new FieldError(field, InputProblem.NotDefined));
                break;
        }
    }
}

/// <summary>Marks configured text properties that must stay on one line (names, numbers, codes).</summary>
public static class StoredText
{
    public const string SingleLineAnnotation = "ComplaintPortal:SingleLine";

    public static PropertyBuilder<T> IsSingleLine<T>(this PropertyBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(SingleLineAnnotation, true);
    }

    public static ComplexTypePropertyBuilder<T> IsSingleLine<T>(this ComplexTypePropertyBuilder<T> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(SingleLineAnnotation, true);
    }

    public static TextShape ShapeOf(IReadOnlyPropertyBase property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(SingleLineAnnotation)?.Value is true ? TextShape.SingleLine : TextShape.MultiLine;
    }
}
