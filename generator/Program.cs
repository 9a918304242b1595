return await KnowledgeBase.Generator.Cli.KbCommand.RunAsync(args, Console.Out, Console.Error);
