using System;
using System.Diagnostics;
using System.IO;
using PyPackaging.TestKit;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>The crafter's valid output must be what real tools read (checked with Python's tarfile/zipfile).</summary>
    public sealed class TestKitSelfTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pyp-testkit-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData(TarFlavor.Pax)]
        [InlineData(TarFlavor.Ustar)]
        [InlineData(TarFlavor.Gnu)]
        [InlineData(TarFlavor.V7)]
        public void ValidCraftedTarIsReadByPythonTarfile(TarFlavor flavor)
        {
            var longDir = flavor == TarFlavor.V7 ? "d" : new string('a', 60) + "/" + new string('b', 60);
            var t = new TarCrafter(flavor)
                .AddDirectory("demo-1.0/")
                .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.4\n")
                .AddFile("demo-1.0/" + longDir + "/x.py", "print(1)\n", 0x1ED)
                .AddSymlink("demo-1.0/link", "PKG-INFO")
                .AddHardLink("demo-1.0/hard", "demo-1.0/PKG-INFO");
            if (flavor == TarFlavor.Pax) t.AddFile("demo-1.0/caf\u00e9.txt", "x");
            if (flavor == TarFlavor.Gnu) t.AddFile("demo-1.0/" + new string('c', 120), "y");
            var path = t.Finish().SaveTarGz(_dir, "demo-1.0.tar.gz");
            var output = RunPython("import tarfile,sys\nfor m in tarfile.open(sys.argv[1],'r:gz'): print(m.name, m.size, m.type.decode(), m.linkname)", path);
            Assert.Contains("demo-1.0/PKG-INFO 22 0", output);
            Assert.Contains("demo-1.0/" + longDir + "/x.py 9 0", output);
            Assert.Contains("demo-1.0/link 0 2 PKG-INFO", output);
            Assert.Contains("demo-1.0/hard 0 1 demo-1.0/PKG-INFO", output);
            if (flavor == TarFlavor.Pax) Assert.Contains("demo-1.0/caf\u00e9.txt 1 0", output);
            if (flavor == TarFlavor.Gnu) Assert.Contains("demo-1.0/" + new string('c', 120) + " 1 0", output);
        }

        [Fact]
        public void CraftedZipIsReadByPythonZipfile()
        {
            var path = new ZipCrafter().AddDirectory("demo-1.0/").AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\n")
                .AddFile("demo-1.0/a.txt", "stored", deflate: false).Save(_dir, "demo-1.0.zip");
            var output = RunPython("import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nfor i in z.infolist(): print(i.filename, i.file_size)", path);
            Assert.Contains("None", output);
            Assert.Contains("demo-1.0/PKG-INFO 22", output);
            Assert.Contains("demo-1.0/a.txt 6", output);
        }

        internal static string RunPython(string script, params string[] args) =>
            ExternalTool.Check("python3", System.Linq.Enumerable.Concat(new[] { "-c", script }, args));
    }
}
