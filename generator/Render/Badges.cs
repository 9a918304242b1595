using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>Status and verification marks that carry their meaning in text, not colour alone.</summary>
internal static class Badges
{
    public static Element Verification(string? level) => level switch
    {
        "primary" => E("span", Class("badge v-primary"), A("title", "Read in the text of the law, or a judgment"), "primary"),
        "secondary" => E("span", Class("badge v-secondary"), A("title", "Stated in notices, reports or news about the law"), "secondary"),
        "unverified" => E("span", Class("badge v-unverified"), A("title", "Still to be checked"), "unverified"),
        _ => E("span", Class("badge"), "—"),
    };

    public static Element Status(string status) => status switch
    {
        "no-provision" => E("span", Class("badge s-gap"), "∅ no provision found"),
        "reported" => E("span", Class("badge s-reported"), "reported"),
        "disputed" => E("span", Class("badge s-disputed"), "disputed"),
        "not-researched" => E("span", Class("badge s-unresearched"), "? not yet researched"),
        _ => E("span", Class("badge s-answered"), "answered"),
    };
}
