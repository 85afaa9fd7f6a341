using Cebu.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddCebu();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapCebu();
app.Run();

/// <summary>The web application's entry point (public so that tests can host it).</summary>
public partial class Program;
