namespace KnowledgeBase.Generator.Model;

public static class Vocab
{
    public static readonly string[] JurisdictionKinds = ["federation", "capital-territory", "province"];
    public static readonly string[] StatuteStatuses = YamlNames.All<StatuteStatus>();
    public static readonly string[] RulesStates = YamlNames.All<RulesState>();
    public static readonly string[] Verifications = YamlNames.All<Verification>();
    public static readonly string[] InstitutionKinds =
        [
            "ministry", "department", "commission", "authority", "bureau", "unit", "court", "helpline", "police-unit",
            "council", "agency"
        ];
    public static readonly string[] InstitutionStatuses = YamlNames.All<InstitutionStatus>();
    public static readonly string[] AnswerTypes = ["age", "number", "yes-no", "range", "text"];
    public static readonly string[] Restates = ["rules-notified", "body-constituted"];
    public static readonly string[] Directions = ["higher-is-stronger", "lower-is-stronger", "yes-is-stronger", "none"];
}
