namespace Cebu.Web;

/// <summary>Marker for the pages' shared strings: Resources/SharedResource.{culture}.resx, English as the key.</summary>
public sealed class SharedResource;
