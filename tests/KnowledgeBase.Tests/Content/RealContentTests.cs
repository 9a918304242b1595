using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Content;

/// <summary>The real content/ folder: it must check clean and cover what the project promises.</summary>
public sealed class RealContentTests
{
    private static readonly Lazy<CheckResult> Result =
        new(() => Pipeline.Check(Paths.RealContent, DateOnly.FromDateTime(DateTime.UtcNow)));

    public static readonly TheoryData<string> RequiredTopics = new(
    [
        "child-definition-age", "marriage-minimum-age-girls", "marriage-minimum-age-boys", "child-marriage-penalty",
        "employment-minimum-age", "hazardous-work-minimum-age", "domestic-work-minimum-age",
        "brick-kiln-child-labour-prohibited",
        "corporal-punishment-schools-prohibited", "corporal-punishment-home-prohibited",
        "corporal-punishment-alternative-care-prohibited",
        "compulsory-education-ages", "criminal-responsibility-minimum-age", "juvenile-identity-confidentiality",
        "child-sexual-abuse-offence", "child-pornography-offence", "child-trafficking-offence", "child-begging-offence",
        "child-protection-body", "child-protection-units", "child-protection-rules-notified", "child-helpline",
        "birth-registration-law", "missing-child-alert",
    ]);

    [Fact]
    public void Should_check_without_errors()
    {
        var errors = Result.Value.Diagnostics.Where(d => d.Severity == Generator.Diagnostics.Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [MemberData(nameof(RequiredTopics))]
    public void Should_answer_required_topic_for_every_jurisdiction_with_citation(string topicId)
    {
        var topic = Result.Value.Model.Topic(topicId);
        Assert.True(topic is not null, $"required topic '{topicId}' is missing from content/topics/");
        foreach (var j in new[] { "ict", "punjab", "sindh", "kp", "balochistan" })
        {
            var a = topic!.AnswerFor(j);
            Assert.True(a is not null, $"{topicId} has no answer for {j}");
            switch (a!.StatusName)
            {
                case "answered":
                    Assert.False(string.IsNullOrEmpty(a.StatuteId), $"{topicId}/{j}: statute");
                    Assert.False(string.IsNullOrEmpty(a.Section), $"{topicId}/{j}: section");
                    Assert.Contains(a.Sources, s => s.IsLawText);
                    break;
                case "reported" or "disputed":
                    Assert.NotEmpty(a.AllSources);
                    Assert.False(string.IsNullOrEmpty(a.Value), $"{topicId}/{j}: value");
                    break;
                case "no-provision":
                    Assert.NotEmpty(a.Sources);
                    Assert.False(string.IsNullOrWhiteSpace(a.Note),
                        $"{topicId}/{j}: a gap in the law needs a note for readers");
                    break;
                default:
                    Assert.False(string.IsNullOrWhiteSpace(a.Research),
                        $"{topicId}/{j}: a not-researched cell names what was consulted");
                    break;
            }
        }
    }

    [Theory]
    [InlineData("pk-juvenile-justice-system-act-2018", "13")]
    [InlineData("punjab-destitute-neglected-children-act-2004", null)]
    public void Should_hold_the_statutes_the_seed_articles_name(string statuteId, string? section)
    {
        var statute = Result.Value.Model.Statute(statuteId);
        Assert.NotNull(statute);
        if (section is not null) Assert.NotNull(statute!.FindSection(section));
    }

    [Theory]
    [InlineData("pk-ncrc")]
    [InlineData("pk-mohr")]
    [InlineData("pk-nchr")]
    [InlineData("punjab-cpwb")]
    [InlineData("sindh-scpa")]
    [InlineData("kp-cpwc")]
    [InlineData("balochistan-child-protection-commission")]
    public void Should_hold_the_bodies_the_seed_articles_name(string institutionId) =>
        Assert.NotNull(Result.Value.Model.Institution(institutionId));

    [Fact]
    public void Should_list_similar_provisions_from_other_jurisdictions()
    {
        var model = Result.Value.Model;
        using var index = Pipeline.IndexRecords(model);
        var similar = Generator.Index.SimilarProvisions.Find(model, index);
        var sections = similar.Where(s => s.Key.StartsWith("section:", StringComparison.Ordinal)).ToList();
        Assert.True(sections.Count >= model.Statutes.Sum(s => s.Sections.Count) / 2,
            $"only {sections.Count} of {model.Statutes.Sum(s => s.Sections.Count)} sections have similar provisions");
        Assert.Contains(similar.Keys, k => k.StartsWith("mandate:", StringComparison.Ordinal));
        foreach (var (id, list) in similar)
        {
            var own = index.Documents.Single(d => d.Id == id).Facets["jurisdiction"][0];
            Assert.All(list, x => Assert.NotEqual(own, x.JurisdictionId));
        }
    }
}
