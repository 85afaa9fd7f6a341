using Cebu.Cli;

return await CebuCommand.Build().Parse(args).InvokeAsync();
