namespace KnowledgeBase.Generator.Model;

/// <summary>Where a statute stands; content writes it in kebab case (in-force, amended, repealed, bill).</summary>
public enum StatuteStatus { InForce, Amended, Repealed, Bill }

/// <summary>Whether the rules a statute provides for have been notified (yes, no, unknown, not-applicable).</summary>
public enum RulesState { Yes, No, Unknown, NotApplicable }

/// <summary>Whether a body exists in fact (operational, constituted, not-constituted, abolished, unknown).</summary>
public enum InstitutionStatus { Operational, Constituted, NotConstituted, Abolished, Unknown }
