using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>Status and verification marks that carry their meaning in text, not colour alone.</summary>
internal static class Badges
{
    public static Element Verification(Verification? level) => level switch
    {
        Model.Verification.Primary => E("span", Class("badge v-primary"),
            A("title", "Read in the text of the law, or a judgment"), "primary"),
        Model.Verification.Secondary => E("span", Class("badge v-secondary"),
            A("title", "Stated in notices, reports or news about the law"), "secondary"),
        Model.Verification.Unverified => E("span", Class("badge v-unverified"),
            A("title", "Still to be checked"), "unverified"),

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
