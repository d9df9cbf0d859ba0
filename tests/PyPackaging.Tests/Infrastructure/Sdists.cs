using PyPackaging.TestKit;

namespace PyPackaging.Tests.Infrastructure
{
    /// <summary>Archives the module tests use, crafted with the TestKit.</summary>
    public static class Sdists
    {
        public const string CleanPkgInfo =
            "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nSummary: A demo\nLicense-Expression: MIT\nLicense-File: LICENSE\n" +
            "Requires-Python: >=3.9\nRequires-Dist: requests>=2\nDescription-Content-Type: text/markdown\n\n# demo\n";

        public const string CleanPyproject =
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"demo\"\nversion = \"1.0\"\n";

        /// <summary>A clean, PEP 625-conformant sdist: demo-1.0.tar.gz.</summary>
        public static string Clean(string dir, string fileName = "demo-1.0.tar.gz") =>
            Base(new TarCrafter(TarFlavor.Pax)).Finish().SaveTarGz(dir, fileName);

        /// <summary>The uv#14897 shape: a virtual environment and a uv cache packed into the sdist.</summary>
        public static string Seed(string dir, string fileName = "demo-1.0.tar.gz") =>
            Base(new TarCrafter(TarFlavor.Pax))
                .AddFile("demo-1.0/venv/pyvenv.cfg", "home = /usr/local/bin\nversion = 3.12.3\n")
                .AddSymlink("demo-1.0/venv/bin/python", "/usr/local/bin/python3")
                .AddFile("demo-1.0/.uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n")
                .AddSymlink("demo-1.0/.uv-cache/builds-v0/env/bin/python", "/usr/local/bin/python3")
                .Finish().SaveTarGz(dir, fileName);

        private static TarCrafter Base(TarCrafter tar) => tar
            .AddDirectory("demo-1.0/")
            .AddFile("demo-1.0/PKG-INFO", CleanPkgInfo)
            .AddFile("demo-1.0/pyproject.toml", CleanPyproject)
            .AddFile("demo-1.0/LICENSE", "MIT License\n")
            .AddFile("demo-1.0/src/demo/__init__.py", "__version__ = '1.0'\n");
    }
}
