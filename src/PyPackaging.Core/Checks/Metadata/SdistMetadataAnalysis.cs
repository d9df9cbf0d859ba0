using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>
    /// What the metadata checks share, computed once per snapshot: the file name parsed as PEP 625, the
    /// <c>{top}/PKG-INFO</c> and <c>{top}/pyproject.toml</c> members, the parsed PKG-INFO and its validation problems.
    /// </summary>
    public sealed class SdistMetadataAnalysis
    {
        private SdistMetadataAnalysis()
        {
        }

        /// <summary>The file name's project name as written (when the file name parses).</summary>
        public string? FileNameProject { get; private set; }

        public Pep440Version? FileNameVersion { get; private set; }

        /// <summary>Why the file name does not parse as <c>{name}-{version}.tar.gz</c>, or null.</summary>
        public string? FileNameError { get; private set; }

        /// <summary>The top-level directory holding the PKG-INFO used (without slashes), or null.</summary>
        public string? Top { get; private set; }

        public ArchiveMember? PkgInfoMember { get; private set; }

        /// <summary>The parsed PKG-INFO; null when there is none or its content was not captured.</summary>
        public CoreMetadata? PkgInfo { get; private set; }

        public IReadOnlyList<MetadataProblem> Problems { get; private set; } = Array.Empty<MetadataProblem>();

        public ArchiveMember? PyprojectMember { get; private set; }

        public byte[]? PyprojectBytes { get; private set; }

        public bool PyprojectTruncated { get; private set; }

        /// <summary>PKG-INFO Name when present and valid.</summary>
        public string? Name { get; private set; }

        /// <summary>PKG-INFO Version when present and valid.</summary>
        public Pep440Version? Version { get; private set; }

        /// <summary>The member path with a leading <c>./</c> removed, in backticks-ready form.</summary>
        public static string DisplayPath(ArchiveMember member) => member.Path;

        public static SdistMetadataAnalysis Get(SdistSnapshot snapshot) => snapshot.GetAnalysis(Create);

        private static SdistMetadataAnalysis Create(SdistSnapshot snapshot)
        {
            var a = new SdistMetadataAnalysis();
            a.ReadFileName(snapshot.FileName);
            var stem = StemOf(snapshot.FileName);
            var pkgInfo = FindPkgInfo(snapshot, stem);
            if (pkgInfo != null) a.Top = MemberPath.SplitRaw(pkgInfo.Path)[0];
            a.PkgInfoMember = pkgInfo;
            a.ReadPkgInfo(snapshot, pkgInfo);
            a.RetryHyphenatedPostRelease(stem);
            var pyproject = FindPyproject(snapshot, a.Top, stem);
            a.PyprojectMember = pyproject;
            a.ReadPyproject(snapshot, pyproject);
            return a;
        }

        private void ReadFileName(string fileName)
        {
            if (SdistFileName.TryParse(fileName, out var fname, out var fversion, out var ferror))
            {
                FileNameProject = fname;
                FileNameVersion = fversion;
            }
            else
            {
                FileNameError = ferror;
            }
        }

        // The top-level PKG-INFO (`<top>/PKG-INFO`); of several, the last, unless an earlier one sits under the directory the file name names.
        private static ArchiveMember? FindPkgInfo(SdistSnapshot snapshot, string? stem)
        {
            ArchiveMember? pkgInfo = null;
            foreach (var m in snapshot.Members)
            {
                if (m.Type != PySdistEntryType.File || MemberPath.CountComponents(m.Path) != 2) continue;
                var parts = MemberPath.SplitRaw(m.Path);
                if (parts[1] == "PKG-INFO" && Prefer(pkgInfo, m, stem)) pkgInfo = m;
            }
            return pkgInfo;
        }

        // `<top>/pyproject.toml`, under the PKG-INFO's directory when there is one.
        private static ArchiveMember? FindPyproject(SdistSnapshot snapshot, string? top, string? stem)
        {
            ArchiveMember? pyproject = null;
            foreach (var m in snapshot.Members)
            {
                if (m.Type != PySdistEntryType.File || MemberPath.CountComponents(m.Path) != 2) continue;
                var parts = MemberPath.SplitRaw(m.Path);
                if (parts[1] != "pyproject.toml") continue;
                if (top != null && parts[0] != top) continue;
                if (Prefer(pyproject, m, stem)) pyproject = m;
            }
            return pyproject;
        }

        private void ReadPkgInfo(SdistSnapshot snapshot, ArchiveMember? pkgInfo)
        {
            if (pkgInfo != null && snapshot.TryGetContent(pkgInfo.Index, out var content) && content.Bytes != null)
            {
                var bytes = content.Bytes;
                if (content.Truncated) bytes = CutAtLastNewline(bytes);
                PkgInfo = CoreMetadata.Parse(bytes);
                Problems = CoreMetadataValidator.Validate(PkgInfo);
                var name = PkgInfo.Get("Name");
                if (name != null && ProjectName.IsValid(name)) Name = name;
                var version = PkgInfo.Get("Version");
                if (version != null) Version = Pep440Version.ParseOrNull(version);
            }
        }

        private void RetryHyphenatedPostRelease(string? stem)
        {
            // A legacy post release written with a hyphen (`foo-1.0-1.tar.gz`) splits wrongly on the last `-`;
            // like PyPI, retry on the second-to-last one when that matches PKG-INFO.
            if (Name != null && Version != null && stem != null
                && (FileNameProject == null || !ProjectName.AreEquivalent(FileNameProject, Name)))
            {
                var last = stem.LastIndexOf('-');
                var previous = last > 0 ? stem.LastIndexOf('-', last - 1) : -1;
                if (previous > 0)
                {
                    var name = stem.Substring(0, previous);
                    var version = Pep440Version.ParseOrNull(stem.Substring(previous + 1));
                    if (version != null && ProjectName.IsValid(name) && ProjectName.AreEquivalent(name, Name))
                    {
                        FileNameProject = name;
                        FileNameVersion = version;
                        FileNameError = null;
                    }
                }
            }
        }

        private void ReadPyproject(SdistSnapshot snapshot, ArchiveMember? pyproject)
        {
            if (pyproject != null && snapshot.TryGetContent(pyproject.Index, out var toml) && toml.Bytes != null)
            {
                PyprojectBytes = toml.Bytes;
                PyprojectTruncated = toml.Truncated;
            }
        }

        // Prefer a member under the directory named like the file stem; among equals, the last one (tar semantics).
        private static bool Prefer(ArchiveMember? current, ArchiveMember candidate, string? stem)
        {
            if (current == null) return true;
            var currentMatches = stem != null && MemberPath.SplitRaw(current.Path)[0] == stem;
            var candidateMatches = stem != null && MemberPath.SplitRaw(candidate.Path)[0] == stem;
            if (currentMatches && !candidateMatches) return false;
            return true;
        }

        private static string? StemOf(string fileName)
        {
            if (fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)) return fileName.Substring(0, fileName.Length - 7);
            if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return fileName.Substring(0, fileName.Length - 4);
            return null;
        }

        private static byte[] CutAtLastNewline(byte[] bytes)
        {
            var last = Array.LastIndexOf(bytes, (byte)'\n');
            if (last < 0) return bytes;
            var cut = new byte[last + 1];
            Array.Copy(bytes, cut, cut.Length);
            return cut;
        }
    }
}
