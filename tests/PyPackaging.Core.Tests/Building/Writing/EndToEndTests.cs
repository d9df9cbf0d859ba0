using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building.Metadata;
using PyPackaging.Building.Project;
using PyPackaging.Building.Writing;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Writing
{
    public class ReproducibleTimestampTests
    {
        [Theory]
        [InlineData(null, ReproducibleTimestamp.DefaultEpoch)]
        [InlineData("", ReproducibleTimestamp.DefaultEpoch)]
        [InlineData("0", 0L)]
        [InlineData("1700000000", 1700000000L)]
        [InlineData("8589934591", 8589934591L)]
        public void Valid(string? value, long expected)
        {
            Assert.True(ReproducibleTimestamp.TryResolve(value, out long epoch, out var error), error);
            Assert.Equal(expected, epoch);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("1.5")]
        [InlineData(" 12")]
        [InlineData("8589934592")]
        [InlineData("99999999999999999999")]
        [InlineData("١٢٣")]
        [InlineData("yesterday")]
        public void Malformed_IsAnError(string value)
        {
            Assert.False(ReproducibleTimestamp.TryResolve(value, out _, out var error));
            Assert.Contains("SOURCE_DATE_EPOCH", error);
        }
    }

    /// <summary>pyproject.toml → PKG-INFO → archive, with only the components of this layer (file selection is elsewhere).</summary>
    public class EndToEndTests
    {
        [Fact]
        public void ProjectBecomesAnSdistThatPythonReads()
        {
            using var dir = new TempDir();
            dir.File("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"My.Pkg\"\nversion = \"2.0.0\"\n" +
                "description = \"Demo\"\nreadme = \"README.rst\"\nlicense = \"MIT\"\nlicense-files = [\"LICENSE\"]\n");
            dir.File("README.rst", "Demo\n====\n");
            dir.File("LICENSE", "MIT License\n");
            dir.File("src/my_pkg/__init__.py", "__version__ = '2.0.0'\n");

            // license-files globs are matched by the build's walk: the metadata as the plan completes it.
            var meta = PyPackaging.Building.SdistBuilder.Plan(new PyPackaging.Building.SdistBuildOptions(dir.Path)).Metadata;
            Assert.False(meta.HasErrors, string.Join(" | ", meta.Problems));
            string top = meta.DistributionStem!;
            Assert.Equal("my_pkg-2.0.0", top);

            var files = new[] { "LICENSE", "README.rst", "pyproject.toml", "src/my_pkg/__init__.py" };
            var entries = new List<SdistWriterEntry> { SdistWriterEntry.FromBytes(top + "/PKG-INFO", PkgInfoWriter.WriteBytes(meta)) };
            entries.AddRange(files.OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => SdistWriterEntry.FromFile(top + "/" + f, Path.Combine(dir.Path, f), 0x1A4)));
            string archive = Path.Combine(dir.Path, meta.SdistFileName!);
            SdistWriter.WriteFile(archive, entries, ReproducibleTimestamp.DefaultEpoch);
            byte[] first = File.ReadAllBytes(archive);
            SdistWriter.WriteFile(archive, entries, ReproducibleTimestamp.DefaultEpoch);
            Assert.Equal(first, File.ReadAllBytes(archive));

            if (!ExternalTool.HasPython) return;
            var r = ExternalTool.Run("python3", "-c",
                "import sys, tarfile, email.parser\n" +
                "t = tarfile.open(sys.argv[1], 'r:gz')\n" +
                "names = t.getnames()\n" +
                "top = sys.argv[2]\n" +
                "msg = email.parser.Parser().parsestr(t.extractfile(top + '/PKG-INFO').read().decode('utf-8'))\n" +
                "assert all(top + '/' + f in names for f in msg.get_all('License-File')), names\n" +
                "print(msg['Metadata-Version'], msg['Name'], msg['Version'], msg['License-Expression'], msg['Description-Content-Type'], len(names))\n",
                archive, top);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal("2.4 My.Pkg 2.0.0 MIT text/x-rst 5", r.Stdout.Trim());
        }
    }
}
