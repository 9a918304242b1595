namespace KnowledgeBase.Generator.Cli;

public enum ExitCode
{
    Success = 0,
    ContentErrors = 1,
    Usage = 2,
    Failure = 3,
}
