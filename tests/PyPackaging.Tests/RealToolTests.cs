using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Build-PySdist's output checked by the real Python tools: tarfile's data filter, twine check, pip wheel, and
    /// hatchling itself (Debian python3-hatchling 1.12.2 through python3 -m build). A missing tool fails the test with
    /// the install command; set PYPACKAGING_SKIP_PYTHON_TOOLS=1 to skip them instead. Nothing here uses the network.
    /// </summary>
    public class RealToolTests
    {
        private const long Epoch = 1700000000;

        /// <summary>The interpreter with Debian's hatchling, build and pip (python3-hatchling installs for /usr/bin/python3).</summary>
        private static string DebianPython => Tool.DebianPython;

        /// <summary>An interpreter whose tarfile has the extraction filters (3.12, or 3.8-3.11 with the 2023 backport).</summary>
        private static string FilterPython()
        {
            foreach (var candidate in new[] { "python3", "/usr/bin/python3", "python3.12", "python3.13" })
            {
                try
                {
                    if (Tool.Run(candidate, new[] { "-c", "import tarfile; tarfile.data_filter" }).ExitCode == 0) return candidate;
                }
                catch (InvalidOperationException)
                {
                }
            }
            throw new InvalidOperationException("No python3 on this machine has tarfile.data_filter (Python 3.12+, or 3.8.17+/3.9.17+/3.10.12+/3.11.4+). " + Tool.InstallHint);
        }

        private static string BuildWithModule(string project, string output)
        {
            var (result, ps) = ModuleHost.Run("Build-PySdist -OutputDirectory $o -SourceDateEpoch " + Epoch, project, new Dictionary<string, object?> { ["o"] = output });
            Assert.Empty(ps.Streams.Error);
            var archive = result.Single(o => o.Prop<string>("EntryType") == "Archive");
            return archive.Prop<string>("Archive");
        }

        [SkippableFact]
        public void Seed_sdist_extracts_with_the_tarfile_data_filter()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = BuildFixtures.Seed(temp.Path);
            string sdist = BuildWithModule(project, temp.Combine("out"));
            string dest = temp.Combine("extracted");
            Tool.Check(FilterPython(), new[] { "-c", "import sys, tarfile\nwith tarfile.open(sys.argv[1]) as t:\n    t.extractall(sys.argv[2], filter='data')", sdist, dest });
            Assert.Equal("real content\n", File.ReadAllText(Path.Combine(dest, "demo_pkg-1.0.0", "src", "demo_pkg", "linked.txt")));
            Assert.False(new FileInfo(Path.Combine(dest, "demo_pkg-1.0.0", "src", "demo_pkg", "linked.txt")).Attributes.HasFlag(FileAttributes.ReparsePoint));
        }

        [SkippableFact]
        public void Twine_check_passes()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = BuildFixtures.Seed(temp.Path);
            string sdist = BuildWithModule(project, temp.Combine("out"));
            var r = Tool.Run("twine", new[] { "check", "--strict", sdist });
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("PASSED", r.Output);
        }

        /// <summary>
        /// A license expression needs License-Expression and License-File, so Metadata-Version 2.4 (PEP 639). twine
        /// 4.0.2 (Debian; pkginfo 1.8.2) reads metadata only up to 2.2 and reports the name and version missing; twine
        /// 6.1+ reads 2.4. The 2.4 PKG-INFO is right: the other real-tool tests use projects without a license
        /// expression (Metadata-Version 2.2), which twine 4 checks fully.
        /// </summary>
        [SkippableFact]
        public void License_expression_gives_metadata_2_4_which_twine_4_cannot_read_but_newer_twine_can()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path, pyproject: BuildFixtures.SimplePyproject
                .Replace("readme = \"README.md\"\n", "readme = \"README.md\"\nlicense = \"MIT\"\nlicense-files = [\"LICENSE\"]\n")
                .Replace(", \"License :: OSI Approved :: MIT License\"", string.Empty));
            BuildFixtures.Write(project, "LICENSE", "MIT License\n\nCopyright (c) Ada\n");
            string sdist = BuildWithModule(project, temp.Combine("out"));
            var fields = PkgInfo(sdist);
            Assert.Equal("2.4", fields["Metadata-Version"].Single());
            Assert.Equal("MIT", fields["License-Expression"].Single());
            Assert.Equal("LICENSE", fields["License-File"].Single());
            Assert.Contains("demo_pkg-1.0.0/LICENSE", Names(sdist));

            var version = Tool.Check("twine", new[] { "--version" }).Output;
            var match = System.Text.RegularExpressions.Regex.Match(version, @"twine version (\d+)\.(\d+)");
            Assert.True(match.Success, version);
            int major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            int minor = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var r = Tool.Run("twine", new[] { "check", "--strict", sdist });
            if (major > 6 || (major == 6 && minor >= 1))
            {
                Assert.True(r.ExitCode == 0, r.ToString());
            }
            else
            {
                Assert.NotEqual(0, r.ExitCode);
                Assert.Contains("supported Metadata-Version", r.Output + r.Error);
            }
        }

        [SkippableFact]
        public void Pip_builds_a_wheel_from_the_sdist_with_hatchling()
        {
            Tool.RequireRealTools();
            Tool.RequirePythonModule(DebianPython, "hatchling");
            using var temp = new TempDir();
            string project = BuildFixtures.Seed(temp.Path);
            string sdist = BuildWithModule(project, temp.Combine("out"));
            string wheels = temp.Combine("wheels");
            var r = Tool.Run(DebianPython, new[] { "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", wheels, sdist });
            Assert.True(r.ExitCode == 0, r.ToString());
            var wheel = Assert.Single(Directory.GetFiles(wheels, "*.whl"));
            Assert.StartsWith("demo_pkg-1.0.0-", Path.GetFileName(wheel));
        }

        [SkippableTheory]
        [InlineData("seed")]
        [InlineData("legacy-license")]
        public void Same_files_and_metadata_as_hatchling_except_what_hatchling_wrongly_packs(string kind)
        {
            Tool.RequireRealTools();
            Tool.RequirePythonModule(DebianPython, "hatchling");
            using var temp = new TempDir();
            string project = kind == "seed"
                ? BuildFixtures.Seed(temp.Path)
                : BuildFixtures.Clean(temp.Path, pyproject: BuildFixtures.SimplePyproject.Replace("readme = \"README.md\"\n",
                    "readme = \"README.md\"\nlicense = { text = \"MIT License\\n\\nCopyright (c) Ada\" }\nmaintainers = [{ name = \"Grace\" }, { email = \"ops@example.org\" }]\n"));
            string ours = BuildWithModule(project, temp.Combine("ours"));
            string theirsDir = temp.Combine("hatchling");
            var build = Tool.Run(DebianPython, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", theirsDir, project },
                env: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (build.ExitCode != 0 && (build.Error + build.Output).Contains("No module named build", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("python3 -m build is missing. " + Tool.InstallHint);
            }
            Assert.True(build.ExitCode == 0, build.ToString());
            string theirs = Assert.Single(Directory.GetFiles(theirsDir, "*.tar.gz"));
            Assert.Equal(Path.GetFileName(theirs), Path.GetFileName(ours));

            var ourNames = Names(ours);
            var theirNames = Names(theirs);
            // What hatchling 1.12.2 packs wrongly: the venv not named .venv, the uv cache (CACHEDIR.TAG ignored),
            // and the file only a nested .gitignore excludes.
            var wrong = theirNames.Where(n => n.Contains("/venv/", StringComparison.Ordinal) || n.Contains("/.uv-cache/", StringComparison.Ordinal) ||
                                              n.EndsWith("/src/demo_pkg/generated.txt", StringComparison.Ordinal)).ToList();
            if (kind == "seed")
            {
                Assert.Contains("demo_pkg-1.0.0/venv/pyvenv.cfg", wrong);
                Assert.Contains("demo_pkg-1.0.0/.uv-cache/builds-v0/env/bin/python", wrong);
                Assert.Contains("demo_pkg-1.0.0/src/demo_pkg/generated.txt", wrong);
            }
            else
            {
                Assert.Empty(wrong);
            }
            Assert.Equal(theirNames.Except(wrong).OrderBy(n => n, StringComparer.Ordinal), ourNames.OrderBy(n => n, StringComparer.Ordinal));

            // PKG-INFO, field by field. Deliberate difference: Metadata-Version (hatchling 1.12.2 writes 2.1; the
            // native build writes the lowest version that allows its fields, never below 2.2, and all fields are static).
            var ourFields = PkgInfo(ours);
            var theirFields = PkgInfo(theirs);
            Assert.Equal("2.1", theirFields["Metadata-Version"].Single());
            Assert.Equal("2.2", ourFields["Metadata-Version"].Single());
            ourFields.Remove("Metadata-Version");
            theirFields.Remove("Metadata-Version");
            Assert.Equal(theirFields.Keys.OrderBy(k => k, StringComparer.Ordinal), ourFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
            // Second deliberate difference: markers are written in packaging's canonical form (double quotes, as
            // packaging >= 22 prints them); hatchling 1.12.2 keeps single quotes. Same requirement either way.
            theirFields["Requires-Dist"] = theirFields["Requires-Dist"].Select(v => v.Replace('\'', '"')).ToList();
            // Third: a multi-line License is folded the way uv_build folds it (continuation lines indented by a
            // different amount than hatchling's); the lines themselves are the same once unfolded.
            static string Unfold(string v) => string.Join("\n", v.Split('\n').Select(l => l.Trim()));
            foreach (var key in theirFields.Keys)
            {
                Assert.True(theirFields[key].Select(Unfold).OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(ourFields[key].Select(Unfold).OrderBy(v => v, StringComparer.Ordinal)),
                    key + ": hatchling [" + string.Join(" | ", theirFields[key]) + "] vs native [" + string.Join(" | ", ourFields[key]) + "]");
            }
        }

        /// <summary>Member names as Python's tarfile sees them (regular files and links alike).</summary>
        private static List<string> Names(string archive) =>
            BuildFixtures.PythonTarNames(archive).Select(l => l.Split('\t')[0]).ToList();

        /// <summary>PKG-INFO parsed by Python's email parser (compat32, as packaging does): field → values, plus "Description" for the body.</summary>
        private static Dictionary<string, List<string>> PkgInfo(string archive)
        {
            const string script = "import sys, json, tarfile, email.parser\n" +
                "with tarfile.open(sys.argv[1]) as t:\n" +
                "    m = next(x for x in t.getmembers() if x.name.count('/') == 1 and x.name.endswith('/PKG-INFO'))\n" +
                "    text = t.extractfile(m).read().decode('utf-8')\n" +
                "msg = email.parser.Parser().parsestr(text)\n" +
                "out = {}\n" +
                "for k, v in msg.items():\n" +
                "    out.setdefault(k, []).append(v)\n" +
                "body = msg.get_payload()\n" +
                "if body: out['Description'] = [body.strip()]\n" +
                "print(json.dumps(out))";
            var r = Tool.Check("python3", new[] { "-c", script, archive });
            return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(r.Output)!;
        }
    }
}
