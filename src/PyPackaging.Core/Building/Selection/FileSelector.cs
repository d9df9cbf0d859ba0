using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building.Planning;
using PyPackaging.Checks.Hygiene;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Why a file is left out of a build: the one place that decides, for each path the walk meets, "in" or
    /// "out, because …". <see cref="SourceTreeWalker"/> asks it once per path; the build plan, -WhatIf and -Verbose
    /// show its answers unchanged (<see cref="SdistBuildPlan.Exclusions"/>).
    /// <para>Precedence, highest first; the first rule that speaks decides:</para>
    /// <list type="number">
    /// <item>caller -Exclude patterns: out (ExcludePattern);</item>
    /// <item>caller -Include, the backend's force-include settings (uv source-include, flit include, pdm
    /// source-includes/includes) and the files the metadata names (pyproject.toml, readme, license files): in,
    /// whatever 3–7 say. Below a directory 3–7 leave out, only patterns with a '/' reach in;</item>
    /// <item>the build's output directory (OutputDirectory);</item>
    /// <item>directory content: pyvenv.cfg or conda-meta/ (VirtualEnvironment), a CACHEDIR.TAG with the signature
    /// (CacheDirectory);</item>
    /// <item>built-in names (<see cref="LitterNames"/>): VCS metadata, bytecode, tool caches and .venv, .DS_Store,
    /// dist/ at the root;</item>
    /// <item>ignore files: every .gitignore from the root down, then .git/info/exclude (GitIgnore);</item>
    /// <item>below a directory left out by 3–6, everything not brought in by 2 is covered by that directory's line;</item>
    /// <item>files only, build only: PKG-INFO at the root is generated (Generated);</item>
    /// <item>files only, build only, unless -Include or the metadata names the file: the backend's exclude settings
    /// (BackendExclude);</item>
    /// <item>then hatchling's include/only-include, which restrict the sdist to what they match, always keeping
    /// pyproject.toml, hatch.toml, hatch_build.py and the ignore files (NotIncluded).</item>
    /// </list>
    /// <para>
    /// 8–10 are decided here with the rest but reported only once the walk has found the file packable: a link that
    /// escapes the project, a bad name or a special file is an error even when only a backend setting would leave it
    /// out, because the user's own -Exclude is the documented way to drop it.
    /// </para>
    /// </summary>
    internal sealed class FileSelector
    {
        private readonly GitIgnoreFile? _include;
        private readonly GitIgnoreFile? _exclude;
        private readonly string? _outputFull;
        private readonly string? _outputReal;
        private readonly BuildSelection? _build;

        public FileSelector(SourceTreeOptions options)
        {
            if (options.Include.Count > 0) _include = GitIgnoreFile.FromPatterns(options.Include, string.Empty, "Include");
            if (options.Exclude.Count > 0) _exclude = GitIgnoreFile.FromPatterns(options.Exclude, string.Empty, "Exclude");
            if (!string.IsNullOrEmpty(options.OutputDirectory))
            {
                _outputFull = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                _outputReal = FileSystemLinks.RealPath(_outputFull);
            }

            _build = options.Build;
        }

        /// <summary>The ignore files the walk has loaded so far (it adds each directory's .gitignore on entering it).</summary>
        public GitIgnoreMatcher IgnoreFiles { get; } = new GitIgnoreMatcher();

        /// <summary>
        /// The walker's options for a build: the caller's patterns, the backend's force-includes and the files the
        /// metadata needs as Include patterns (rule 2), and the build-only rules 8–10.
        /// </summary>
        public static SourceTreeOptions ForBuild(string root, string outputDirectory, SdistBuildOptions build, BackendRuleSet backend, IReadOnlyList<string> required)
        {
            var options = new SourceTreeOptions(root) { OutputDirectory = outputDirectory };
            foreach (string p in build.Include) options.Include.Add(p);
            foreach (string p in backend.ForceInclude) options.Include.Add(p);
            foreach (string r in required) options.Include.Add("/" + EscapeGlob(r));
            foreach (string p in build.Exclude) options.Exclude.Add(p);
            var callerInclude = build.Include.Select(p => GitIgnorePattern.Parse(p, "-Include")).Where(p => p != null)
                .Select(p => new OriginPattern(p!, "-Include")).ToList();
            options.Build = new BuildSelection(callerInclude, new HashSet<string>(required, StringComparer.Ordinal), backend);
            return options;
        }

        /// <summary>The verdict for one path (rules 1–10 above).</summary>
        /// <param name="path">What the walk found.</param>
        /// <param name="parentForced">A parent directory was brought in by rule 2.</param>
        /// <param name="belowExcluded">The path lies below a directory left out by 3–6 (the walk is there only for rule 2).</param>
        public PathVerdict Select(in TreePath path, bool parentForced, bool belowExcluded)
        {
            GitIgnorePattern? excluded = CallerExcludeMatch(path);
            if (excluded != null)
            {
                return PathVerdict.Out(ExclusionReason.ExcludePattern, "Left out by the Exclude pattern " + excluded.Describe() + ".", excluded, mayHoldIncluded: false);
            }

            bool forced = IsBroughtIn(path, parentForced, belowExcluded);
            if (!forced)
            {
                PathVerdict byTree = TreeRules(path);
                if (byTree.IsExcluded) return byTree;
                if (belowExcluded) return PathVerdict.CoveredByExcludedDirectory;
            }

            return path.IsDirectory || _build == null ? PathVerdict.In(forced) : BuildRules(path.RelativePath, forced);
        }

        /// <summary>Whether a rule-2 pattern could match something below this excluded directory (so the walk goes in).</summary>
        public bool IncludeCouldReachBelow(byte[] relativePathBytes) => _include != null && _include.AnchoredCouldMatchBelow(relativePathBytes);

        // Rule 1.
        private GitIgnorePattern? CallerExcludeMatch(in TreePath path)
        {
            GitIgnorePattern? hit = _exclude?.FindLastMatch(path.RelativePathBytes, path.IsDirectory);
            return hit != null && !hit.IsNegated ? hit : null;
        }

        // Rule 2: the path's own match decides, else the parent's. Below an excluded directory only patterns naming
        // a path (with a '/') reach in, so that an Include such as "*.pyi" cannot pull files out of a virtual
        // environment or a cache.
        private bool IsBroughtIn(in TreePath path, bool parentForced, bool belowExcluded)
        {
            GitIgnorePattern? hit = _include?.FindLastMatch(path.RelativePathBytes, path.IsDirectory, anchoredOnly: belowExcluded);
            return hit != null ? !hit.IsNegated : parentForced;
        }

        // Rules 3–6, each a small path_is_… question, asked in order.
        private PathVerdict TreeRules(in TreePath path)
        {
            if (IsOutputDirectory(path))
            {
                return PathVerdict.Out(ExclusionReason.OutputDirectory, "This is the output directory of the build.");
            }

            if (path.IsDirectory)
            {
                if (File.Exists(Path.Combine(path.FullPath, "pyvenv.cfg")))
                {
                    return PathVerdict.Out(ExclusionReason.VirtualEnvironment,
                        "This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.");
                }

                if (Directory.Exists(Path.Combine(path.FullPath, "conda-meta")))
                {
                    return PathVerdict.Out(ExclusionReason.VirtualEnvironment,
                        "This directory is a conda environment (it contains conda-meta/); environments must not be packed.");
                }

                if (CacheDirTag.IsTagged(path.FullPath))
                {
                    return PathVerdict.Out(ExclusionReason.CacheDirectory,
                        "This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).");
                }
            }

            return NameRules(path);
        }

        // Rules 5–6.
        private PathVerdict NameRules(in TreePath path)
        {
            string name = path.Name;
            if (LitterNames.VersionControl.Contains(name))
            {
                return PathVerdict.Out(ExclusionReason.VersionControl, "Version-control metadata (" + name + ") is never packed.");
            }

            if (IsBytecode(path))
            {
                return PathVerdict.Out(ExclusionReason.BytecodeCache, "Compiled Python bytecode is never packed.");
            }

            if (IsToolDirectory(name))
            {
                return PathVerdict.Out(ExclusionReason.ToolDirectory, name + " belongs to a development tool (environment or cache) and is never packed.");
            }

            if (name == ".DS_Store")
            {
                return PathVerdict.Out(ExclusionReason.SystemFile, ".DS_Store is macOS Finder metadata and is never packed.");
            }

            if (path.AtRoot && path.IsDirectory && name == "dist")
            {
                return PathVerdict.Out(ExclusionReason.BuildOutput, "dist/ at the project root holds built distributions and is never packed.");
            }

            // Issue 10c needs a stale setuptools build/ kept out of the clean room; issue 10b owns the full rule
            // (lib.*, bdist.*, temp.*, scripts-*, *.egg-info) and replaces this check when merged.
            if (path.AtRoot && path.IsDirectory && name == "build" && Directory.Exists(Path.Combine(path.FullPath, "lib")))
            {
                return PathVerdict.Out(ExclusionReason.BuildOutput, "build/ at the project root holds a setuptools build tree (build/lib) and is never packed.");
            }

            GitIgnoreMatch ignored = IgnoreFiles.IsEmpty ? GitIgnoreMatch.None : IgnoreFiles.Match(path.RelativePath, path.RelativePathBytes, path.IsDirectory);
            return ignored.IsIgnored
                ? PathVerdict.Out(ExclusionReason.GitIgnore, "Ignored by " + ignored.Pattern!.Describe() + ".", ignored.Pattern)
                : PathVerdict.None;
        }

        // Rules 8–10.
        private PathVerdict BuildRules(string rel, bool forced)
        {
            if (rel == "PKG-INFO")
            {
                return PathVerdict.OutAfterChecks(ExclusionReason.Generated, "PKG-INFO is generated from pyproject.toml; the project's own file is not packed.");
            }

            BuildSelection build = _build!;
            if (BackendRuleSet.Match(build.CallerInclude, rel) != null || build.Required.Contains(rel))
            {
                return PathVerdict.In(forced);
            }

            OriginPattern? excluded = BackendRuleSet.Match(build.Backend.Exclude, rel);
            if (excluded != null)
            {
                return PathVerdict.OutAfterChecks(ExclusionReason.BackendExclude, "Left out by " + excluded.Origin + " '" + excluded.Pattern.Text + "'.");
            }

            IReadOnlyList<OriginPattern> restrict = build.Backend.Restrict;
            if (restrict.Count > 0 && !IsAlwaysKeptByHatch(rel) && BackendRuleSet.Match(restrict, rel) == null)
            {
                return PathVerdict.OutAfterChecks(ExclusionReason.NotIncluded, "Not matched by " + string.Join(" or ", restrict.Select(r => r.Origin).Distinct()) + ".");
            }

            return PathVerdict.In(forced);
        }

        private bool IsOutputDirectory(in TreePath path) =>
            path.IsDirectory && _outputFull != null
            && (string.Equals(path.FullPath, _outputFull, FileSystemLinks.PathComparison)
                || (_outputReal != null && string.Equals(path.RealPath, _outputReal, FileSystemLinks.PathComparison)));

        private static bool IsBytecode(in TreePath path) =>
            path.IsDirectory
                ? path.Name == LitterNames.BytecodeDirectory
                : path.Name.EndsWith(".pyc", StringComparison.Ordinal) || path.Name.EndsWith(".pyo", StringComparison.Ordinal);

        // .venv is left out by name even without pyvenv.cfg (a half-created or foreign environment).
        private static bool IsToolDirectory(string name) => name == ".venv" || LitterNames.ToolCaches.Contains(name);

        /// <summary>Files hatchling always packs whatever include/only-include say.</summary>
        private static bool IsAlwaysKeptByHatch(string rel) =>
            rel == "pyproject.toml" || rel == "hatch.toml" || rel == "hatch_build.py" || rel == ".gitignore" || rel == ".hgignore";

        private static string EscapeGlob(string path)
        {
            var sb = new StringBuilder(path.Length + 4);
            foreach (char c in path)
            {
                if (c == '*' || c == '?' || c == '[' || c == '\\' || c == '!' || c == '#') sb.Append('\\');
                sb.Append(c);
            }

            return sb.ToString();
        }
    }

    /// <summary>The build-only inputs of rules 8–10.</summary>
    internal sealed class BuildSelection
    {
        public BuildSelection(IReadOnlyList<OriginPattern> callerInclude, HashSet<string> required, BackendRuleSet backend)
        {
            CallerInclude = callerInclude;
            Required = required;
            Backend = backend;
        }

        /// <summary>The caller's -Include patterns, which also shield a file from the backend's settings.</summary>
        public IReadOnlyList<OriginPattern> CallerInclude { get; }

        /// <summary>Files the metadata needs (pyproject.toml, the readme, the license files).</summary>
        public HashSet<string> Required { get; }

        public BackendRuleSet Backend { get; }
    }
}
