using System;
using System.IO;
using System.Text;
using PyPackaging.Building.Writing;

namespace PyPackaging.Inspection
{
    /// <summary>
    /// Much of a fresh process's first check is not the archive: it is the runtime preparing the code the check runs
    /// through (JIT compilation of what the ReadyToRun images cannot hold, type loading, class constructors, the rule
    /// catalogue). The module's initializer runs this on a background thread at import (see
    /// PyPackaging.Loading.ModuleInitializer in the cmdlet assembly), while PowerShell itself is still busy with the
    /// import and with binding the first command on the pipeline thread, so that preparation happens on a core that
    /// would otherwise be idle. It builds a small, clean sdist in memory with the same writer Build-PySdist uses and
    /// inspects it: the reader, the checks that run on every archive (metadata, pyproject.toml, licence files, paths)
    /// and the entry factory. It touches no file, and nothing it does is visible to the caller.
    /// </summary>
    internal static class FirstCallWarmup
    {
        /// <summary>Builds and inspects the warm-up sdist; returns the inspection (tests check it is clean).</summary>
        public static SdistInspection Run()
        {
            var utf8 = new UTF8Encoding(false);
            var entries = new[]
            {
                SdistWriterEntry.Directory("warm_up-1.0/"),
                SdistWriterEntry.FromBytes("warm_up-1.0/PKG-INFO", utf8.GetBytes(
                    "Metadata-Version: 2.4\nName: warm-up\nVersion: 1.0\nSummary: s\nLicense-Expression: MIT\nLicense-File: LICENSE\n" +
                    "Requires-Python: >=3.9\nRequires-Dist: packaging>=24; python_version >= \"3.9\"\nProvides-Extra: test\n" +
                    "Requires-Dist: pytest; extra == \"test\"\nProject-URL: Source, https://example.org/warm\nDescription-Content-Type: text/markdown\n\n# warm\n")),
                SdistWriterEntry.FromBytes("warm_up-1.0/pyproject.toml", utf8.GetBytes(
                    "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"warm-up\"\nversion = \"1.0\"\n" +
                    "description = \"s\"\nreadme = \"README.md\"\nlicense = \"MIT\"\nlicense-files = [\"LICENSE\"]\nrequires-python = \">=3.9\"\n" +
                    "dependencies = [\"packaging>=24; python_version >= '3.9'\"]\n\n[project.optional-dependencies]\ntest = [\"pytest\"]\n\n" +
                    "[project.urls]\nSource = \"https://example.org/warm\"\n")),
                SdistWriterEntry.FromBytes("warm_up-1.0/README.md", utf8.GetBytes("# warm\n")),
                SdistWriterEntry.FromBytes("warm_up-1.0/LICENSE", utf8.GetBytes("MIT License\n")),
                SdistWriterEntry.Directory("warm_up-1.0/src/"),
                SdistWriterEntry.Directory("warm_up-1.0/src/warm_up/"),
                SdistWriterEntry.FromBytes("warm_up-1.0/src/warm_up/__init__.py", utf8.GetBytes("__version__ = \"1.0\"\n")),
            };
            var archive = new MemoryStream();
            SdistWriter.Write(archive, entries, 1700000000, degreeOfParallelism: 1);
            archive.Position = 0;
            return new SdistInspector().Inspect(archive, "warm_up-1.0.tar.gz");
        }
    }
}
