// netstandard2.0 lacks the marker type the compiler needs for `init` accessors (PySdistRule's Consumer,
// SeverityReason and SummarizedPerArchive); defining it internally is the documented polyfill.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
