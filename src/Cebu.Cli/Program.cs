namespace Cebu.Cli;

public static class CliProgram
{
    public static Task<int> Main(string[] args) => CebuCommand.Build().Parse(args).InvokeAsync();
}
