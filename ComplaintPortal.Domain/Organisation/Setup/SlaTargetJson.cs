using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// Reads and writes a time limit as <c>{"amount":3,"unit":"Days","counting":"WholeDays"}</c> through its checking
/// constructor, so a configuration file cannot carry a limit of zero or an unknown unit.
/// </summary>
internal sealed class SlaTargetJson : JsonConverter<SlaTarget>
{
    public override SlaTarget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = JsonSerializer.Deserialize<RawTarget>(ref reader, options) ?? throw new JsonException("A time limit is missing.");
        return new SlaTarget(raw.Amount, raw.Unit, raw.Counting);
    }

    public override void Write(Utf8JsonWriter writer, SlaTarget value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, new RawTarget(value.Amount, value.Unit, value.Counting), options);
    }

    private sealed record RawTarget(int Amount, SlaTargetUnit Unit, DayCounting Counting);
}
