PATHP = ("Path","String[]","Paths of sdist files. Wildcards are allowed (dist/*.tar.gz). A pattern that matches no file is reported as a PathNotFound error rather than passing silently.", True, "0", "True (ByValue, ByPropertyName)", True, "None", [])
LITP = ("LiteralPath","String[]","Paths of sdist files, used exactly as typed: no wildcard expansion, so names such as c[1].tar.gz work. Piped Get-ChildItem output binds here through its PSPath property.", True, "named", "True (ByPropertyName)", False, "None", ["PSPath","LP"])
LIMP = [(n,t,d,False,"named","False",False,dv,[]) for (n,t,dv,d) in LIMITS]
COMMANDS = [
 {
  "name":"Test-PySdist",
  "synopsis":"Checks Python source distributions (sdists) and reports every structural, metadata, safety and hygiene problem, member by member.",
  "description":"""Test-PySdist reads each sdist once, streaming, with bounded memory, and writes one PySdistEntry object per archive member, plus one extra object per archive whose EntryType is Archive and which carries the archive-level findings. Members without findings are written too, so the output doubles as a listing.

Each entry has a Findings list. A finding names the rule (RuleId), its Severity (Error, Warning or Information), a Message that names the member, the reason and the consequence, and a Remedy that says what to change. The entry's Severity property is the worst severity among its findings (None when it has none), and ErrorCount, WarningCount and InformationCount count them. The Archive entry (written first) carries the archive's verdict: its Severity is the worst over the whole archive, its own findings and every member's, and its counts are the whole archive's. Get-PySdistRule lists every rule.

Severities are a promise. Error: a named consumer refuses the sdist (PyPI's upload check as it stands: PEP 625 file name, .tar.gz container, one top-level directory, PKG-INFO as packaging.metadata validates it after dropping UNKNOWN values; pip; uv 0.8 and later; CPython's data tar filter), or unpacking it is unsafe or ambiguous (two tar readers would extract different files). Warning: a violation of a current spec that consumers tolerate, or hygiene the author should fix. Information: a fact about a legacy format (no pyproject.toml, Metadata-Version 1.x, GNU or v7 tar headers) or something every safe extractor normalises (group- or other-writable modes). Rules that fire on many members (WritableMode, SpecialModeBits, TarBase256Field, CompiledBytecode) are reported once, on the archive entry, with a count and the first members.

The rules cover: the PEP 625 file name and the single top-level directory; PKG-INFO and pyproject.toml; core metadata as PyPI's upload check applies it; everything installers refuse under PEP 721 (absolute or escaping paths, links that point outside the archive, device files, duplicates) and every case where two tar readers could disagree (pax and ustar sizes, GNU long names, truncation, checksums, gzip trailers); and hygiene: virtual environments, tool caches, VCS data, bytecode, Windows-hostile names.

Findings are output objects, never errors, so the cmdlet is safe in CI steps that run with $ErrorActionPreference = 'Stop'. Errors are written only for inputs that cannot be read at all (a missing file, a directory, a non-file-system path, an unreadable file); the next archive is then checked.

Several archives are read at the same time (-ThrottleLimit, by default one per processor), which pays when a CI step checks many; the output is the same, in the same order, as reading them one after another. Ctrl+C stops every archive in flight.

Nothing is extracted, nothing is executed, and no network is used.""",
  "sets":[("Path",["Path","Quiet","IncludeRule","ExcludeRule","ThrottleLimit"]+[l[0] for l in LIMITS]),("LiteralPath",["LiteralPath","Quiet","IncludeRule","ExcludeRule","ThrottleLimit"]+[l[0] for l in LIMITS])],
  "params":[PATHP, LITP,
    ("ThrottleLimit","Int32","Most archives read at the same time (1 to 256). Entries and errors still come in input order, each archive's entries together, and -Quiet gives the same answer; at most this many archives are read at once and at most twice this many archives' results are held in memory. 1 reads the archives one after another.",False,"named","False",False,"The processor count",[]),
    ("Quiet","SwitchParameter","Writes one Boolean for the whole call instead of entries: $true only when every archive given was read and none has an Error finding; $false when any archive has an Error finding, any input could not be read (PathNotFound, ArchiveUnreadable, ...), a rule pattern matched no rule, or no archive was given at all (an empty pipeline). This makes if (-not (Test-PySdist dist/*.tar.gz -Quiet)) { exit 1 } a correct gate for one or many archives. Errors are still written for the inputs that failed.",False,"named","False",False,"False",[]),
    ("IncludeRule","String[]","Runs only the rules whose ids match these patterns (wildcards allowed, case-insensitive). Rule ids are tab-completed. A pattern that matches no rule is a RuleNotFound error and no archive is read (with -Quiet the answer is $false).",False,"named","False",True,"All rules",[]),
    ("ExcludeRule","String[]","Skips the rules whose ids match these patterns (wildcards allowed). Applied after IncludeRule. A pattern that matches no rule is a RuleNotFound error and no archive is read.",False,"named","False",True,"None",[]),
  ] + LIMP,
  "inputs":[("System.String[]","Paths, by value or through a Path property."),("System.IO.FileInfo","Get-ChildItem output binds to LiteralPath through its PSPath property.")],
  "outputs":[("PyPackaging.PySdistEntry","One (EntryType Archive, with the archive's verdict) per archive, then one per member."),("System.Boolean","With -Quiet: one for the whole call.")],
  "notes":"""The gate for a CI step, correct for one or many archives, with or without $ErrorActionPreference = 'Stop', and when no sdist matched: if (-not (Test-PySdist dist/*.tar.gz -Quiet)) { exit 1 }. Without 'Stop' the errors are written and -Quiet answers $false; with 'Stop' the first error stops the script, which also fails the step. Do not gate on Test-PySdist ... | Where-Object Severity -eq Error alone: when no file matched or one could not be read it outputs nothing, and nothing is not a failure.

Errors: PathNotFound, PathIsDirectory, InvalidPath, EmptyPath, ArchiveUnreadable, ArchiveAccessDenied and RuleNotFound are non-terminating.

The output types are ordinary types (PyPackaging.Model.dll): $entry -is [PyPackaging.PySdistEntry] and [PyPackaging.PySdistSeverity]::Error work, and so does comparing with strings (Severity -eq 'Error').""",
  "examples":[
   ("Gate a CI step","""if (-not (Test-PySdist -Path dist/*.tar.gz -Quiet)) { exit 1 }""","Fails the step when any sdist has an Error finding, cannot be read, or when no file matches dist/*.tar.gz. Works the same with $ErrorActionPreference = 'Stop'."),
   ("List what is wrong","""Test-PySdist -Path dist/*.tar.gz | Where-Object Severity -eq Error""","Lists every member with an Error finding. Pipe it to Format-List to read each message and remedy."),
   ("Check what Get-ChildItem found","""Get-ChildItem -Path dist -Filter *.tar.gz | Test-PySdist | Where-Object { $_.Findings.Count -gt 0 }""","The files bind to -LiteralPath through their PSPath property. Only members with findings are kept."),
   ("Flatten the findings for a report","""Test-PySdist dist/*.tar.gz | ForEach-Object Findings | Format-Table Severity, RuleId, Path, Message -Wrap""","Each finding also carries its Archive and Path, so the list stands on its own."),
   ("Skip a rule, lower a limit","""Test-PySdist -LiteralPath 'pkg[1]-1.0.tar.gz' -ExcludeRule WindowsReserved* -MaxTotalSize 512MB""","LiteralPath takes the bracket literally. Rules can be excluded by id pattern; limits are parameters."),
   ("Check many sdists, four at a time","""Get-ChildItem -Path dist -Filter *.tar.gz | Test-PySdist -ThrottleLimit 4 | Where-Object EntryType -eq Archive""","Reads up to four archives at once and writes each archive's verdict entry, in the order Get-ChildItem listed them."),
  ],
  "links":["Get-PySdistRule","about_PyPackaging","about_CommonParameters"],
 },
 {
  "name":"Get-PySdistRule",
  "synopsis":"Lists the rules Test-PySdist applies: id, severity, category, description, remedy, the specification each comes from, the consumer that acts on it and why it has its severity.",
  "description":"""Get-PySdistRule writes one PySdistRule object per rule of the catalogue. Rule ids are stable: use them with Test-PySdist -IncludeRule and -ExcludeRule, and to filter findings by RuleId.

Categories: Structure (file name, layout, PKG-INFO and pyproject.toml, container and tar format), Metadata (core metadata as PyPI checks it), Safety (what installers refuse under PEP 721, and reader disagreements), Hygiene (virtual environments, caches, VCS data, bytecode, Windows-hostile names) and Limits (sizes, counts, ratio, path length and depth).""",
  "sets":[("Id",["Id","Category","Severity"])],
  "params":[
    ("Id","String[]","Rule ids to list; wildcards allowed. Each pattern that matches no rule (SymlinkAbsolut, NoSuch*) is reported as a non-terminating RuleNotFound error; the rules the other patterns match are still listed.",False,"0","True (ByValue, ByPropertyName)",True,"All rules",["RuleId"]),
    ("Category","String[]","Only rules of these categories: Structure, Metadata, Safety, Hygiene, Limits.",False,"named","False",False,"All",[]),
    ("Severity","String[]","Only rules of these severities: Error, Warning, Information.",False,"named","False",False,"All",[]),
  ],
  "inputs":[("System.String[]","Rule ids.")],
  "outputs":[("PyPackaging.PySdistRule","One per rule.")],
  "notes":"Severity is the rule's fixed severity; every finding of a rule has it. Consumer names who acts on the rule's findings (PyPI's upload check, pip, uv, CPython's data filter, tar readers that disagree, or nobody for legacy facts), and SeverityReason says why the rule is an Error, a Warning or Information: an Error always means a named consumer refuses the sdist or unpacking it is unsafe. BlocksExtraction is true for the rules whose findings stop Expand-PySdistSafely (Errors about safety or a resource limit); Scope says what such a finding refuses: Member (that member; -SkipUnsafe extracts the rest) or Archive (framing and limits rules: the whole archive, even with -SkipUnsafe). Every reason Expand-PySdistSafely gives for refusing a member is one of these rules, including the few that refuse only when that extraction cannot hold the member (the Windows name rules on Windows, CaseCollision on a case-insensitive volume, MemberOutsideTopLevel and TopLevelFile with -StripTopLevel); their Consumer says so. Errors: RuleNotFound (ObjectNotFound, non-terminating) for an -Id pattern that matches no rule.",
  "examples":[
   ("The whole catalogue","Get-PySdistRule","Lists every rule in a table: id, severity, category and description."),
   ("Safety errors only","Get-PySdistRule -Category Safety -Severity Error | Format-List Id, Description, Remedy, SpecReference","Shows what installers would refuse, with the spec each rule comes from."),
   ("Rules about links","Get-PySdistRule -Id *Link*","Wildcards match rule ids."),
   ("Who refuses what","Get-PySdistRule -Severity Error | Format-Table Id, Consumer -Wrap","Shows, for every Error rule, the consumer that refuses what it finds."),
  ],
  "links":["Test-PySdist"],
 },
]
EXPAND_HELP = {
  "name":"Expand-PySdistSafely",
  "synopsis":"Extracts Python source distributions (sdists) all-or-nothing: an archive with any unsafe member is refused as a whole, and nothing inside an archive can write outside the destination.",
  "description":"""Expand-PySdistSafely reads each sdist once, streaming, and writes its regular files and directories into a fresh staging directory created beside the target (same volume). Every member path is checked lexically before anything is written for it. Links and directory times are deferred. When the archive has been read to its end, every check Test-PySdist runs is applied to the whole archive; only if no Safety or Limits rule reports an Error are the links written and the staging directory moved into place. Otherwise the staging directory is deleted and the destination is left exactly as it was.

Unsafe members are: absolute, drive-letter, UNC or backslash paths, '..' components, control characters; symbolic or hard links that are absolute, escape the archive, loop, are used as a parent of another member, or point at links or missing members; character and block devices, FIFOs and sparse files; duplicate paths and type changes; and names this operating system cannot hold (on Windows: reserved names such as CON or aux.txt, a trailing dot or space, ':'; on a case-insensitive volume: two members that differ only in letter case). An archive with any of them is refused with an UnsafeMembers error that lists every offending member and its reason, and the next archive is expanded (like every error of this cmdlet it is non-terminating; with -ErrorAction Stop the first one stops the command); the entries are written first, Refused for the offenders and Skipped for the others. With -SkipUnsafe the offenders are skipped instead. Reader disagreements (pax and ustar sizes, conflicting long names), truncation, a corrupt gzip stream and exceeded limits always refuse the whole archive. Structure, Metadata and Hygiene findings never block extraction on their own; they are attached to the entries. A member this extraction cannot hold is refused under the rule Test-PySdist reports it with (WindowsReservedName, TrailingDotOrSpace and WindowsForbiddenCharacter on Windows, CaseCollision on a case-insensitive volume, MemberOutsideTopLevel or TopLevelFile with -StripTopLevel), so every Reason starts with the id of a rule Get-PySdistRule lists.

By default the archive's top-level directory is kept: demo-1.0.tar.gz expands to <DestinationPath>/demo-1.0/. The destination directory is created if it does not exist; other content in it is left alone. The top-level directory itself must not exist yet; -Force replaces it (its old contents are removed, never merged). With -StripTopLevel the contents of the single top-level directory go directly into DestinationPath, which must then be missing or empty (or -Force replaces it).

Links: by default (-LinkMode Copy) a symbolic or hard link whose target is a regular member inside the archive is written as a copy of that member, which works on every OS without privileges (the sdist specification allows it). Links to directories and dangling links are skipped with a reason. -LinkMode Symlink creates real, relative symbolic links for links that stay inside the archive (to a regular member or a directory); hard links are still copied. -LinkMode Skip writes no links.

Modes and times: setuid, setgid and sticky bits and group/other write are cleared; files become 0644, or 0755 when the owner-executable bit is set, and directories 0755 (further restricted by the process umask, as tar does); modes are ignored on Windows and ownership is never changed. Modification times come from the archive, clamped to 1970-2100.

Every member produces one PySdistEntry whose Action is Extracted, Skipped or Refused, with Destination (the full path written) and Reason. The objects are shown in a table with an Action column.

Several archives are read, checked and staged at the same time (-ThrottleLimit, by default one per processor), which pays when a CI step expands many. -WhatIf and -Confirm ask before an archive is started, and each staged archive is moved into place only when every archive before it has been written, so the output, the errors and what ends up in the destination are the same, in the same order, as expanding the archives one after another, even when two archives have the same top-level directory. Ctrl+C stops every archive in flight and removes what they staged.""",
  "sets":[("Path",["Path","DestinationPath","Force","LinkMode","SkipUnsafe","StripTopLevel","ThrottleLimit"]+[l[0] for l in LIMITS]),("LiteralPath",["LiteralPath","DestinationPath","Force","LinkMode","SkipUnsafe","StripTopLevel","ThrottleLimit"]+[l[0] for l in LIMITS])],
  "params":[PATHP, LITP,
    ("DestinationPath","String","The directory to extract into, relative to the current location. It is created when missing. The archive's top-level directory is created inside it unless -StripTopLevel is given. Refused when it (or the target inside it) is a symbolic link or junction.",True,"1","False",False,"None",[]),
    ("Force","SwitchParameter","Replaces an existing target directory: the old one is moved aside, the new one moved in, then the old one deleted (and restored if the move fails). The old contents are never merged with the new.",False,"named","False",False,"False",[]),
    ("LinkMode","String","How links are written: Copy (default) writes a link to a regular member as a copy of it; Symlink creates relative symbolic links for links that stay inside the archive (hard links are still copied; not supported on Windows PowerShell 5.1); Skip writes no links.",False,"named","False",False,"Copy",[]),
    ("SkipUnsafe","SwitchParameter","Skips unsafe members (reported with Action Skipped and the reason) instead of refusing the archive. Archive-wide problems (reader disagreements, truncation, a corrupt gzip stream, exceeded limits) still refuse the whole archive.",False,"named","False",False,"False",[]),
    ("StripTopLevel","SwitchParameter","Puts the contents of the archive's single top-level directory (demo-1.0/) directly into DestinationPath. Members outside that directory are then unsafe.",False,"named","False",False,"False",[]),
    ("ThrottleLimit","Int32","Most archives read, checked and staged at the same time (1 to 256). Archives are still moved into place, and entries and errors written, in input order; at most twice this many archives are started and not yet written. 1 expands the archives one after another.",False,"named","False",False,"The processor count",[]),
  ] + LIMP,
  "inputs":[("System.String[]","Paths, by value or through a Path property."),("System.IO.FileInfo","Get-ChildItem output binds to LiteralPath through its PSPath property.")],
  "outputs":[("PyPackaging.PySdistEntry","The Archive entry (with the archive's verdict; Action Extracted, Refused or Skipped) once the archive has been read, then one per member, with Action (Extracted, Skipped or Refused), Destination and Reason.")],
  "notes":"""Errors, all non-terminating, one per archive, after which the next archive is expanded: UnsafeMembers (SecurityError), InvalidArchive (InvalidData) and LimitsExceeded (LimitsExceeded) name every offending member and come after the archive's entries (the Archive entry, Refused, Skipped); TargetExists (ResourceExists) and TargetIsLink (SecurityError) come without entries (nothing about the archive was decided); WriteFailed (WriteError). In every case nothing was written to the destination for that archive. With -ErrorAction Stop the first error stops the command.

-Verbose says, for each archive expanded, whether its target was created or an existing one replaced (-Force).

Stopping the command (Ctrl+C, or a later command such as Select-Object -First that wants no more) removes the staging directories of every archive in flight; the destination keeps only the archives already written.

Staging directories are named .pypackaging-<random>.partial and live beside the target only while an archive is being expanded.""",
  "examples":[
   ("Expand an sdist","""Expand-PySdistSafely -Path dist/demo-1.0.tar.gz -DestinationPath build/src""","Creates build/src/demo-1.0/ and writes one entry per member with its Action."),
   ("Contents straight into a directory, replacing it","""Expand-PySdistSafely dist/demo-1.0.tar.gz ./src -StripTopLevel -Force""","The contents of demo-1.0/ go directly into ./src; an existing ./src is replaced, never merged."),
   ("Expand several, stop at the first refusal","""try { Expand-PySdistSafely dist/*.tar.gz -DestinationPath out -ErrorAction Stop } catch { $_.Exception.Message }""","Without -ErrorAction Stop a refused archive is reported and the others are still expanded. The message lists every unsafe member and its reason; the destination is unchanged for the refused archive."),
   ("Skip unsafe members, keep real symlinks","""Expand-PySdistSafely dist/demo-1.0.tar.gz out -SkipUnsafe -LinkMode Symlink | Where-Object Action -ne Extracted""","Shows what was skipped, each with a Reason."),
   ("Preview","""Get-ChildItem dist -Filter *.tar.gz | Expand-PySdistSafely -DestinationPath out -WhatIf""","Says what would be expanded and writes nothing."),
   ("Expand many sdists, four at a time","""Get-ChildItem dist -Filter *.tar.gz | Expand-PySdistSafely -DestinationPath out -ThrottleLimit 4 | Where-Object EntryType -eq Archive""","Reads and stages up to four archives at once and writes each archive's entry, in the order Get-ChildItem listed them."),
  ],
  "links":["Test-PySdist","Get-PySdistRule","about_CommonParameters"],
  "should_process":True,
}
COMMANDS.append(EXPAND_HELP)
BUILD_HELP = {
  "name":"Build-PySdist",
  "synopsis":"Builds a Python source distribution (sdist): natively and reproducibly from static [project] metadata, or through the project's own PEP 517 backend in a clean room; never packs virtual environments, caches, VCS data or bytecode, and checks the result before it is kept.",
  "description":"""Build-PySdist builds in one of two modes. -Backend Auto (the default) builds natively when that reproduces the project: the backend (build-system.build-backend) is hatchling, flit_core, pdm-backend or uv_build, there is a [project] table and nothing in it is dynamic except a version computed natively. Everything else is built in Project mode: setuptools (with or without setup.py, setup.cfg or MANIFEST.in, and a pyproject.toml without [build-system], which PEP 517 builds with setuptools), poetry-core, maturin, scikit-build-core and any other backend, other dynamic fields, no [project] table. -Backend Native or -Backend Project forces a mode. -WhatIf and -Verbose say which mode runs and why; the Archive entry's BuildMode (Native or Project) and BuildRunner (native, python -m build, uv build or build_sdist hook) say which ran.

Project mode copies only the project's source files into a temporary clean room: with git, the files git tracks (as they are in the working tree) and the untracked files no ignore rule excludes; without git, the .gitignore-filtered tree; in both cases minus what the native build never packs (virtual environments, caches with CACHEDIR.TAG, VCS data, bytecode, tool directories, dist/, a setuptools build/ tree, escaping or dangling links) and minus -Exclude matches. For VCS-versioning plugins the room gets a git clone --shared --no-checkout of the repository (it borrows the objects read-only; nothing is written into the user's .git) at the user's HEAD, with the working-tree changes, so the version and the dirty state are the same. The project's PEP 517 backend then runs there: python -m build --sdist --no-isolation --skip-dependency-check when the interpreter has pypa/build, else uv build --sdist --no-build-isolation --offline when uv is on PATH, else the backend's build_sdist hook called directly (backend-path honoured). The interpreter is -Python, else python3, then python, on PATH. Nothing is downloaded unless -AllowBuildIsolation is given. The sdist the backend produced is checked by the Test-PySdist engine and moved into the output directory only without an Error finding, exactly as a native build. The clean room is always removed; Ctrl+C kills the backend. -Include and -IncludeExcluded apply to native builds only; only an explicit -SourceDateEpoch is passed to the backend (as SOURCE_DATE_EPOCH).

The native build reads pyproject.toml, walks the project tree and writes {normalized_name}-{version}.tar.gz (PEP 625) into the output directory, with the single top-level directory {normalized_name}-{version}/, a generated PKG-INFO and pyproject.toml as it is. No Python and no build backend are run: the metadata must be static. With -Backend Native, a missing [project] table or a dynamic field other than the version (and flit's description) is an error, because a native build cannot compute those fields.

Dynamic versions (project.dynamic = ["version"]) are computed natively the way the project's backend computes them, for the backend named by build-system.build-backend: flit_core reads __version__ = "..." from the module (found by the project name, or [tool.flit.module] name, as <module>/__init__.py, <module>.py, src/<module>/__init__.py or src/<module>.py) without importing it, and a dynamic description from its docstring's first line; hatchling's [tool.hatch.version] path with its default pattern (__version__ or VERSION = "...") or the configured pattern; pdm-backend's [tool.pdm.version] source = "file"; and versions from git tags for hatch-vcs ([tool.hatch.version] source = "vcs", tag-pattern, fallback-version, raw-options), setuptools-scm ([tool.setuptools_scm] with setuptools: root, tag_regex, fallback_version, local_scheme, write_to) and pdm-backend source = "scm", with setuptools-scm's default scheme: on a clean tag the tag's version (a v prefix is dropped); N commits after it the next version with .devN and +g<hash> (1.2.0 + 3 commits = 1.2.1.dev3+g1a2b3c4); a tracked file changed adds .dYYYYMMDD (the date of SOURCE_DATE_EPOCH, else today, UTC); no tag counts from 0.0 (0.1.devN+g<hash>). git is run as a process (git describe --dirty --tags --long --match *[0-9]*); SETUPTOOLS_SCM_PRETEND_VERSION (and SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME> when the tool knows the name) or PDM_BUILD_SCM_VERSION replace it. The version file these tools generate (hatch-vcs [tool.hatch.build.hooks.vcs] version-file, setuptools-scm write_to, pdm write_to) is packed with the text the tool writes. -Verbose says where the version came from. A version that has a local label (+g<hash>, between tags or on a dirty tree) is refused by the post-build check, as PyPI refuses it: build from a clean tag, or set local_scheme = "no-local-version". A version the native build cannot compute is a DynamicVersionNotSupported error (the backend would run code or a custom scheme: a hatchling source other than regex or vcs, a version_scheme other than guess-next-dev, a flit __version__ that is not a plain string) or a DynamicVersionUnresolved error (no git, no repository, no matching tag or line, a missing file), each naming the setting and the remedy.

What is left out, always, and reported with a reason: any directory holding pyvenv.cfg or conda-meta/ (a virtual environment, whatever its name); any directory holding a CACHEDIR.TAG with the cache-directory signature (uv, pip and other caches); .git, .hg, .svn, .bzr, _darcs and CVS; __pycache__, *.pyc and *.pyo; .tox, .nox, .venv, .pytest_cache, .mypy_cache, .ruff_cache, .hatch and .pixi; .DS_Store; dist/ at the project root and the output directory; a PKG-INFO file at the root (it is generated). Files ignored by the root .gitignore, by nested .gitignore files or by .git/info/exclude are left out too (gitignore semantics). pyproject.toml, the readme and the license files named by the metadata are always packed.

Links: a symbolic link to a file inside the project is packed as a regular file with the target's content; a link to a directory inside the project is followed (loops are detected). A link that leads outside the project, a dangling link, a name that is not valid UTF-8 or holds a control character is an error. Metadata errors and these selection errors are reported together in one terminating error (InvalidProjectMetadata or InvalidSourceTree, category InvalidData, target the project directory) that lists every problem with its key, value and rule (DynamicVersionNotSupported or DynamicVersionUnresolved when the dynamic version is the only problem); nothing is written.

Backend settings honoured for the backend named by build-system.build-backend: hatchling [tool.hatch.build.targets.sdist] exclude (gitignore patterns, files left out), include (gitignore patterns) and only-include (root-relative paths), which restrict the sdist to what they match as hatchling does (pyproject.toml, hatch.toml, hatch_build.py, .gitignore, the readme and license files are always kept); uv_build [tool.uv.build-backend] source-include (packed even when ignored) and source-exclude (unanchored unless it starts with '/', as in uv); flit_core [tool.flit.sdist] include and exclude (root-relative globs); pdm-backend [tool.pdm.build] source-includes and includes (packed even when ignored; includes only adds here, it does not restrict, and a warning says so) and excludes. A table of a backend the project does not use, other keys of these tables, and patterns with '..', '~', '\\' or a drive letter are not applied and each produces a warning; so do the file-selection settings of other tools: [tool.hatch.build] include, exclude, packages and the like (target-independent), [tool.poetry] include, exclude and packages, [tool.setuptools] package settings, MANIFEST.in, [tool.maturin] include and exclude, and [tool.scikit-build.sdist]. -Include and -Exclude win over all of these.

The archive: regular files only (no links, no directory entries, like hatchling; extractors create the parents), all members in ordinal path order, PKG-INFO included; uid and gid 0 with empty names; mode 0644, or 0755 when the source file's owner-execute bit is set; every modification time and the gzip header's MTIME are the source date epoch; pax format; a fixed gzip header and compression level. Two builds of the same tree with the same epoch are byte-identical.

Writing: the archive is written to a hidden temporary file in the output directory, then checked by the Test-PySdist engine; only when no Error finding is reported is it renamed to its final name. On a failure, an Error finding or Ctrl+C the temporary file is deleted (and the output directory, when the build created it and it is still empty) and an existing sdist is left as it was.

Sdist vs source tree: when the project is in a git work tree, the Archive entry also says which files git tracks that the sdist lacks (TrackedFileNotInSdist) and which members git does not track (UntrackedFileInSdist), both Warnings, as Compare-PySdist does; the generated PKG-INFO is expected. Outside a work tree, without git, or when git tracks nothing yet, nothing is compared and -Verbose says why.

Output: the Archive entry (EntryType Archive, the sdist's full path, the post-build findings and the verdict over the whole sdist) followed by one PySdistEntry per member written (Action Added, Path = archive path, SourcePath, Size, Mode). With -IncludeExcluded, and always with -WhatIf, one entry per path left out (Action Excluded, Reason). -Verbose also says where a dynamic version came from and lists each exclusion and each backend setting honoured.""",
  "sets":[("Default",["Path","OutputDirectory","Force","SourceDateEpoch","Include","Exclude","IncludeExcluded","Backend","Python","AllowBuildIsolation"])],
  "params":[
    ("Path","String","The project directory, the one holding pyproject.toml. Relative paths are resolved against the current PowerShell location. Wildcards are allowed but must match exactly one directory.",False,"0","True (ByValue, ByPropertyName)",True,"The current location",["PSPath","ProjectPath"]),
    ("OutputDirectory","String","Where the sdist is written; created when missing. Relative paths are resolved against the current PowerShell location. When it lies inside the project it is never packed.",False,"named","False",False,"dist under the project directory",[]),
    ("Force","SwitchParameter","Replaces an existing sdist of the same name in the output directory. Without it an existing file is reported as a ResourceExists error and left untouched. Nothing else is overwritten or deleted.",False,"named","False",False,"False",[]),
    ("SourceDateEpoch","Int64","The time stamp of every member and of the gzip header, in seconds since 1970-01-01T00:00:00Z (0 to 4294967295). Default: the SOURCE_DATE_EPOCH environment variable when set (a malformed value is an InvalidSourceDateEpoch error, an empty one counts as unset), else 1580601600 (2020-02-02, the constant hatchling uses, so the times match an sdist hatchling builds).",False,"named","False",False,"$env:SOURCE_DATE_EPOCH, else 1580601600",[]),
    ("Include","String[]","Gitignore-style patterns, relative to the project directory, whose matches are packed whatever the built-in rules, the .gitignore files and the backend settings say (a matching directory brings everything below it). Only patterns containing a '/' reach into directories that are excluded, such as 'src/**/*.pyi'. Errors (escaping or dangling links, bad names) still apply, and -Exclude still wins.",False,"named","False",True,"None",[]),
    ("Exclude","String[]","Gitignore-style patterns, relative to the project directory, whose matches are never packed. Wins over everything else. Excluding pyproject.toml, the readme or a license file is an error.",False,"named","False",True,"None",[]),
    ("IncludeExcluded","SwitchParameter","Also writes one entry per path left out (Action Excluded, with the Reason). -WhatIf always writes them.",False,"named","False",False,"False",[]),
    ("Backend","PySdistBuildMode","Auto, Native or Project. Auto builds natively when the native build reproduces the project (hatchling, flit_core, pdm-backend or uv_build with static [project] metadata) and in Project mode otherwise. Native builds without Python. Project runs the project's own PEP 517 backend in a clean room holding only its source files.",False,"named","False",False,"Auto",[]),
    ("Python","String","Project mode: the Python interpreter that has the project's build backend installed, as a path or a command name on PATH. A missing interpreter is a PythonNotFound error.",False,"named","False",False,"python3, then python, on PATH",[]),
    ("AllowBuildIsolation","SwitchParameter","Project mode: lets python -m build or uv create an isolated build environment and download the build requirements from the package index. Without it nothing is downloaded: the backend installed in the interpreter is used.",False,"named","False",False,"False",[]),
  ],
  "inputs":[("System.String","A project directory, by value or through a Path or PSPath property (Get-Item output).")],
  "outputs":[("PyPackaging.PySdistEntry","The Archive entry, then one entry per member written (Action Added); with -IncludeExcluded or -WhatIf also one per path left out (Action Excluded, Reason). Shown one line per entry with its Action.")],
  "notes":"""-WhatIf writes nothing, not even the output directory: it writes the planned entries (Added, with SourcePath) and every exclusion with its reason.

Errors: InvalidProjectMetadata and InvalidSourceTree (InvalidData), InvalidSourceDateEpoch (InvalidArgument), PathNotFound, InvalidPath, AmbiguousPath and PathIsNotDirectory are terminating; so are, in Project mode, PythonNotFound and BuildBackendNotFound (NotInstalled: the message names the requirements and how to install them), BuildRequirementsMissing (NotInstalled: a runner asked for that is not installed), BuildBackendFailed (InvalidResult: with the backend's last lines) and CleanRoomFailed; ResourceExists, SdistWriteFailed (WriteError) and SdistCheckFailed (InvalidData: the built archive had an Error finding and was removed) are non-terminating. In every error case no sdist was written.

Metadata-Version is the lowest that allows the fields written, never below 2.2: 2.4 with a license expression or license files (PEP 639). Older tools such as twine 4 cannot read 2.4; twine 6.1 and later can.

In Windows PowerShell 5.1 'Build' is not an approved verb: import the module with -DisableNameChecking to silence the warning.""",
  "examples":[
   ("Build the project in the current directory","""Build-PySdist""","Writes dist/<name>-<version>.tar.gz under the current location and lists the Archive entry and every member added."),
   ("Preview what would be packed and why things are left out","""Build-PySdist ./myproject -WhatIf | Where-Object Action -eq Excluded""","Writes nothing. Each excluded path carries its reason, for example 'VirtualEnvironment: venv/ holds pyvenv.cfg ...'."),
   ("Reproducible build into another directory, replacing an earlier one","""$env:SOURCE_DATE_EPOCH = git log -1 --format=%ct; Build-PySdist -OutputDirectory ../artifacts -Force""","Every member and the gzip header get the time of the last commit, so two builds of the same commit are byte-identical."),
   ("Pack a generated file, leave the docs out","""Build-PySdist -Include 'src/pkg/_version.py' -Exclude 'docs/' -IncludeExcluded""","-Include packs a git-ignored file; -Exclude wins over everything; the excluded paths are listed too."),
   ("Say which mode Auto picks, and why","""Build-PySdist -WhatIf -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Select-Object -First 1""","Prints for example 'Build mode: Native (hatchling with static [project] metadata: the native build reproduces it).'; for a setuptools project it says Project and which runner would run."),
   ("Build natively even where Auto would run the backend","""Build-PySdist -Backend Native -WhatIf | Where-Object Action -eq Added""","Lists the files a native build would pack; with -Backend Project -Python <interpreter> the project's own backend builds the sdist in a clean room instead."),
   ("Fail a CI step on warnings from the post-build check","""$warned = Build-PySdist | Where-Object Severity -eq Warning; if ($warned) { $warned.Findings | Format-List; exit 1 }""","An Error finding already fails the build (and removes the file); this also stops on Warning findings, such as Windows-hostile names."),
  ],
  "links":["Test-PySdist","Get-PySdistRule","about_CommonParameters"],
  "should_process":True,
}
COMMANDS.append(BUILD_HELP)
COMPARE_HELP = {
  "name":"Compare-PySdist",
  "synopsis":"Compares sdists with the files git tracks in a project directory: which tracked files an sdist lacks, and which of its members git does not track (check-sdist's question).",
  "description":"""Compare-PySdist answers one question about existing sdists: do they hold the files git tracks in the project directory, no more and no fewer? It reads each sdist once, streaming, lists the files git tracks in -ProjectDirectory (git ls-files, submodules included, files deleted from the working tree left out) once per call, and compares them by path below the sdist's top directory ({name}-{version}/src/a.py is compared with src/a.py). It runs no other check: use Test-PySdist for those.

Expected differences are left out. Members a build backend generates are not reported as untracked: PKG-INFO, *.egg-info/ and *.dist-info/ directories, setup.cfg when the backend is setuptools, and the version file configured in [tool.hatch.build.hooks.vcs] version-file, [tool.setuptools_scm] version_file or write_to, or [tool.pdm.version] write_to. Tracked files that rarely belong in an sdist are not reported as missing: .github/, .pre-commit-config.yaml, .readthedocs.yml and .readthedocs.yaml, noxfile.py, .coverage, codecov.yml and *.pyc (the default list of check-sdist). The project's pyproject.toml can change both lists in the table check-sdist reads: [tool.check-sdist] git-only (tracked files meant to stay out), sdist-only (members meant to be there though untracked), both gitignore-style, and default-ignore = false to drop the default list.

Output, per sdist: the Archive entry, whose Findings hold at most one TrackedFileNotInSdist and one UntrackedFileInSdist finding (Warnings), each naming the first five paths and the count; then one entry per member git does not track (its Reason says so, SourcePath is where it would be in the project); with -IncludeMissing also one entry per tracked file the sdist lacks (EntryType File, Index -1, Reason 'Tracked by git ..., not in the sdist', SourcePath the project file). Members that match are not written.

Build-PySdist makes the same comparison for every sdist it builds, on its Archive entry.

Without git there is nothing to compare with, and Compare-PySdist stops with an error rather than compare with the .gitignore-filtered tree: that tree is what a native build packs, so the comparison would only repeat the build's selection.""",
  "sets":[("Path",["Path","ProjectDirectory","IncludeMissing"]+[l[0] for l in LIMITS]),("LiteralPath",["LiteralPath","ProjectDirectory","IncludeMissing"]+[l[0] for l in LIMITS])],
  "params":[PATHP, LITP,
    ("ProjectDirectory","String","The project directory whose tracked files the sdists are compared with: the directory holding pyproject.toml, in a git work tree (it may be a subfolder of the repository, as in a monorepo; paths are then relative to it). Relative paths are resolved against the current PowerShell location; wildcards must match exactly one directory.",False,"named","False",False,"The current location",[]),
    ("IncludeMissing","SwitchParameter","Also writes one entry per file git tracks that the sdist lacks, so every missing path can be listed, filtered or exported. Without it the Archive entry's finding names the first five and the count.",False,"named","False",False,"False",[]),
  ] + LIMP,
  "inputs":[("System.String[]","Paths of sdists, by value or through a Path property."),("System.IO.FileInfo","Get-ChildItem output binds to LiteralPath through its PSPath property.")],
  "outputs":[("PyPackaging.PySdistEntry","Per sdist: the Archive entry with the comparison's findings, then one per member git does not track, and with -IncludeMissing one per tracked file the sdist lacks.")],
  "notes":"""Errors: GitNotFound (git is not installed or not on PATH), NotAGitRepository (the project directory is not inside a git work tree), NothingTrackedByGit (git tracks no file there yet) and GitFailed are terminating and stop before any sdist is read; PathNotFound, InvalidPath, AmbiguousPath and PathIsNotDirectory for -ProjectDirectory are terminating too. Per sdist, PathNotFound, PathIsDirectory, ArchiveUnreadable, ArchiveAccessDenied and ArchiveIncomplete (the archive could not be read to its end, so nothing is compared; Test-PySdist says why) are non-terminating and the next sdist is compared.

Why Warnings: no installer or index refuses an sdist for holding more or fewer files than the repository. A tracked file the sdist lacks breaks only a build that needs it, as a data file missing from river 0.24.1's sdist broke building it; an untracked member was published without being in version control (a scratch file, a stale build output, a secret).

Git is run as a process (git ls-files, rev-parse), locally; nothing reaches a remote.""",
  "examples":[
   ("Compare a fresh build with the repository","""Build-PySdist -OutputDirectory ../out | Out-Null; Compare-PySdist ../out/*.tar.gz""","Compares the sdist with the files git tracks in the current directory; the Archive entry's findings name what is missing and what is untracked."),
   ("List every tracked file an sdist leaves out","""Build-PySdist -OutputDirectory ../out -Exclude 'sample/' | Out-Null; Compare-PySdist ../out/*.tar.gz -IncludeMissing | Where-Object Reason -like 'Tracked by git*' | Select-Object Path, SourcePath""","Writes one entry per missing file, so 500 left-out documentation pages can be counted, grouped or exported instead of read from one message."),
   ("Compare many sdists with a project in a subfolder","""Get-ChildItem -Path dist -Filter *.tar.gz | Compare-PySdist -ProjectDirectory ./myproject | Where-Object EntryType -eq Archive""","The files bind to -LiteralPath through their PSPath property; the tracked files of ./myproject are listed once for all of them."),
   ("Read the findings with their remedies","""Compare-PySdist dist/*.tar.gz | ForEach-Object Findings | Format-List RuleId, Message, Remedy""","The remedy says how to add a file to the backend's sdist selection, or how to mark the difference as deliberate in [tool.check-sdist]."),
  ],
  "links":["Build-PySdist","Test-PySdist","Get-PySdistRule","about_CommonParameters"],
}
COMMANDS.append(COMPARE_HELP)
ASSERT_HELP = {
  "name":"Assert-PySdist",
  "synopsis":"The CI gate for sdists: checks them like Test-PySdist, writes GitHub Actions or Azure Pipelines annotations, one verdict line per archive and a job summary, and fails the step when an sdist has an Error finding, when none matched or when one cannot be read.",
  "description":"""Assert-PySdist reads each sdist with the same rules as Test-PySdist and writes to the log (through the host, like Write-Host; nothing goes to the pipeline):

- one annotation per Error and Warning finding, in the syntax of the CI system: GitHub workflow commands (::error file=<archive>,title=<RuleId>::<member>: <message>, or ::warning), Azure Pipelines logging commands (##vso[task.logissue type=error;sourcepath=<archive>;code=<RuleId>;]<member>: <message>), or plain text (<archive>: error <RuleId>: <member>: <message>). Text is escaped as each system requires (GitHub: %, CR, LF, and also ':' and ',' in properties; Azure: %, CR, LF, and also ']' and ';' in properties), so every annotation stays one line and shows the finding's text exactly. Archives are named relative to the checkout (GITHUB_WORKSPACE, BUILD_SOURCESDIRECTORY) when they lie in it, else relative to the current location. GitHub shows at most 10 error and 10 warning annotations per step; when there are more, a ::notice says so, and the summary lists every finding.
- one line per archive: PASS or FAIL, the archive, and its counts by severity; then one closing line.
- an error annotation for every input that could not be checked: a path or pattern that matched no file (PathNotFound), an unreadable archive (ArchiveUnreadable, ArchiveAccessDenied).

Then the job summary in Markdown: per archive the verdict, counts by severity, a findings table (severity, member, rule, message, remedy) and the member tree with sizes, collapsed when it is long. On GitHub Actions it is appended to $env:GITHUB_STEP_SUMMARY; on Azure Pipelines it is written to a file under $env:AGENT_TEMPDIRECTORY (or -SummaryPath) and attached to the run with ##vso[task.uploadsummary]. -SarifPath and -JUnitPath write those reports too, before the gate decides.

The gate fails when an archive has an Error finding (or a Warning finding with -FailOn Warning), when an input could not be checked, or when no sdist was given. It then sets $LASTEXITCODE to 1, when the environment is GitHub Actions or Azure Pipelines (GITHUB_ACTIONS, TF_BUILD) or with -EnableExit sets the process exit code to 1 as PSScriptAnalyzer's -EnableExit does, on Azure writes ##vso[task.complete result=Failed;], and ends with the terminating error SdistGateFailed. So the step fails with and without $ErrorActionPreference = 'Stop': with Stop the script stops at the gate; without it the script goes on and the step still fails, also when the runner appends exit $LASTEXITCODE. Everything is written before the gate fails.

The style is detected: GITHUB_ACTIONS=true selects GitHubActions, TF_BUILD=True selects AzurePipelines, anything else Plain. -Style names it explicitly.""",
  "sets":[("Path",["Path","IncludeRule","ExcludeRule","Style","FailOn","SummaryPath","NoSummary","SarifPath","JUnitPath","EnableExit"]+[l[0] for l in LIMITS]),("LiteralPath",["LiteralPath","IncludeRule","ExcludeRule","Style","FailOn","SummaryPath","NoSummary","SarifPath","JUnitPath","EnableExit"]+[l[0] for l in LIMITS])],
  "params":[PATHP, LITP,
    ("IncludeRule","String[]","Runs only the rules whose ids match these patterns (wildcards allowed), as Test-PySdist -IncludeRule. A pattern that matches no rule is annotated as RuleNotFound, no archive is read and the gate fails.",False,"named","False",True,"All rules",[]),
    ("ExcludeRule","String[]","Skips the rules whose ids match these patterns (wildcards allowed), as Test-PySdist -ExcludeRule. A pattern that matches no rule is annotated as RuleNotFound, no archive is read and the gate fails.",False,"named","False",True,"None",[]),
    ("Style","String","The log syntax: Detect (GITHUB_ACTIONS=true gives GitHubActions, TF_BUILD=True gives AzurePipelines, otherwise Plain), GitHubActions, AzurePipelines or Plain.",False,"named","False",False,"Detect",[]),
    ("FailOn","String","The lowest severity that fails the gate: Error, or Warning to fail on warnings too. Information findings never fail it.",False,"named","False",False,"Error",[]),
    ("SummaryPath","String","Also writes the Markdown summary to this file, replacing it. On Azure Pipelines this is the file attached to the run; on GitHub Actions the summary is still appended to GITHUB_STEP_SUMMARY.",False,"named","False",False,"None",[]),
    ("NoSummary","SwitchParameter","Writes no job summary: nothing is appended to GITHUB_STEP_SUMMARY and no summary is attached on Azure Pipelines.",False,"named","False",False,"False",[]),
    ("SarifPath","String","Writes a SARIF 2.1.0 log of every finding to this file (the same as Export-PySdistReport -Format Sarif), for GitHub code scanning (github/codeql-action/upload-sarif) or Azure's CodeAnalysisLogs artifact.",False,"named","False",False,"None",[]),
    ("JUnitPath","String","Writes a JUnit XML report to this file (the same as Export-PySdistReport -Format JUnit), for PublishTestResults@2 or a GitHub test reporter.",False,"named","False",False,"None",[]),
    ("EnableExit","SwitchParameter","Sets the process exit code to 1 when the gate fails, also outside GitHub Actions and Azure Pipelines (for other CI systems). Where GITHUB_ACTIONS=true or TF_BUILD=True it is always set; naming -Style alone never sets it, so a terminal is not closed.",False,"named","False",False,"False",[]),
  ] + LIMP,
  "inputs":[("System.String[]","Paths, by value or through a Path property."),("System.IO.FileInfo","Get-ChildItem output binds to LiteralPath through its PSPath property.")],
  "outputs":[("None","The log lines go to the host (the information stream with the PSHOST tag), the summary and reports to files.")],
  "notes":"""Errors: SdistGateFailed (InvalidResult, terminating) when the gate fails; ReportNotWritten (WriteError) when a summary or report file cannot be written. Inputs that cannot be checked are not written as errors of their own: they are annotated and fail the gate at the end, so one bad path does not hide the verdicts of the others.

Outside CI, the gate still ends in SdistGateFailed and sets $LASTEXITCODE; it does not end an interactive shell unless -EnableExit is given.""",
  "examples":[
   ("The gate in a GitHub Actions or Azure Pipelines pwsh step","""Assert-PySdist -Path dist/*.tar.gz -SarifPath pypackaging.sarif -JUnitPath pypackaging-junit.xml""","Annotates every Error and Warning finding, writes the job summary and the two reports, and fails the step when an sdist has an Error finding or when dist/ holds no sdist. examples/ci in the repository has both pipelines."),
   ("See locally what CI would show","""try { Assert-PySdist -Path dist/*.tar.gz -Style GitHubActions -NoSummary } catch { "Gate: $($_.Exception.Message)" }""","Writes the ::error and ::warning lines GitHub would turn into annotations, then the verdict lines; the catch shows the gate's result."),
   ("Fail on warnings too, with a summary file","""try { Assert-PySdist -Path dist/*.tar.gz -Style Plain -FailOn Warning -SummaryPath pypackaging-summary.md } catch { $_.FullyQualifiedErrorId }""","Warnings then fail the gate; the Markdown summary is written to pypackaging-summary.md either way."),
  ],
  "links":["Test-PySdist","Export-PySdistReport","Get-PySdistRule","about_PyPackaging","about_CommonParameters"],
}
COMMANDS.append(ASSERT_HELP)
EXPORT_HELP = {
  "name":"Export-PySdistReport",
  "synopsis":"Writes the entries on the pipeline (from Test-PySdist and the other PyPackaging cmdlets) to a report file: SARIF 2.1.0, JUnit XML, Markdown or JSON.",
  "description":"""Export-PySdistReport collects the PySdistEntry objects piped into it, groups them by archive and, when the input ends, writes one report file, whole or not at all (a temporary file beside it is moved into place):

- Sarif: SARIF 2.1.0. The tool driver lists the whole rule catalogue (id, short and full description, help text with the remedy and the specification, default level, category). Each finding is one result with its level (Error is error, Warning is warning, Information is note), the message '<member>: <message>', the archive as the artifact location (relative to the current location when below it, with uriBaseId SRCROOT) and the member as a logical location, plus a stable fingerprint. Valid against the SARIF 2.1.0 schema (the SARIF Multitool validates it in the tests).
- JUnit: one test suite per archive and one test case per rule category (Structure, Metadata, Safety, Hygiene, Limits); a category with failing findings has a failure listing them with their remedies, other findings go to system-out. Read by Azure's PublishTestResults (testResultsFormat JUnit) and GitHub test reporters.
- Markdown: the job summary Assert-PySdist writes: verdicts, counts, findings tables and member trees.
- Json: per archive the verdict and counts, then every entry with its findings; enums as names, times in ISO 8601 UTC.

An existing file is replaced unless -NoClobber is given. The path is used literally and resolved against the current location.""",
  "sets":[("Default",["InputObject","Format","Path","FailOn","NoClobber","PassThru"])],
  "params":[
    ("InputObject","PSObject","The entries to report, from the pipeline. Other objects are refused with the error InputNotEntry.",True,"named","True (ByValue)",False,"None",[]),
    ("Format","String","Sarif, JUnit, Markdown or Json.",True,"0","False",False,"None",[]),
    ("Path","String","The report file, relative to the current location; no wildcards. Its directory is created when missing.",True,"1","False",False,"None",["LiteralPath","OutFile"]),
    ("FailOn","String","The lowest severity that counts as failing in the JUnit failures and the Markdown verdicts: Error or Warning.",False,"named","False",False,"Error",[]),
    ("NoClobber","SwitchParameter","Does not replace an existing file: the error ReportExists is written instead.",False,"named","False",False,"False",[]),
    ("PassThru","SwitchParameter","Also writes the entries to the pipeline, so another Export-PySdistReport can follow.",False,"named","False",False,"False",[]),
  ],
  "inputs":[("PyPackaging.PySdistEntry","The entries Test-PySdist, Expand-PySdistSafely and Build-PySdist write.")],
  "outputs":[("None","By default."),("PyPackaging.PySdistEntry","With -PassThru, the entries received.")],
  "notes":"""Errors: InputNotEntry (InvalidArgument, non-terminating) for other objects; InvalidReportPath, ReportPathIsDirectory, ReportExists and ReportNotWritten are terminating, and no file is written. -WhatIf writes nothing.

For a CI gate, Assert-PySdist writes SARIF and JUnit itself (-SarifPath, -JUnitPath) before it decides.""",
  "examples":[
   ("SARIF for code scanning","""Test-PySdist -Path dist/*.tar.gz | Export-PySdistReport -Format Sarif -Path pypackaging.sarif""","Upload it with github/codeql-action/upload-sarif, or publish it as the CodeAnalysisLogs artifact on Azure DevOps."),
   ("Several reports from one read","""Test-PySdist dist/*.tar.gz | Export-PySdistReport JUnit pypackaging-junit.xml -PassThru | Export-PySdistReport Json pypackaging.json""","-PassThru hands the entries on, so each archive is read once."),
   ("The job summary as a file","""Test-PySdist dist/*.tar.gz | Export-PySdistReport -Format Markdown -Path pypackaging-summary.md -FailOn Warning""","The same Markdown Assert-PySdist writes to the job summary, with warnings counted as failing."),
  ],
  "links":["Assert-PySdist","Test-PySdist","about_PyPackaging","about_CommonParameters"],
  "should_process":True,
}
COMMANDS.append(EXPORT_HELP)

# Get-Help about_PyPackaging (en-US/about_PyPackaging.help.txt) and docs/help/about_PyPackaging.md.
# (heading, body): paragraphs separated by a blank line; a paragraph whose lines start with four spaces is kept as written.
ABOUT = [
 ("SHORT DESCRIPTION", """PyPackaging builds, checks and safely unpacks Python source distributions (sdists): the concepts behind Test-PySdist, Assert-PySdist, Export-PySdistReport, Expand-PySdistSafely, Build-PySdist, Compare-PySdist and Get-PySdistRule."""),
 ("LONG DESCRIPTION", """Since uv 0.8.1, and pip with Python's 'data' tar filter, installers refuse sdists that contain links pointing outside the archive. Such sdists usually come from a build backend that packed a virtual environment or a tool cache. PyPackaging checks an sdist against the Python specifications (the sdist format, PEP 625, 643, 639 and 721) before you upload it, says which member is wrong, why and how to fix the build, unpacks sdists so that nothing inside can escape, and builds sdists that never pack virtual environments, caches or VCS data.

Nothing is executed and no network is used: the cmdlets read archives and project trees and write only what they are asked to write."""),
 ("ENTRIES", """Every cmdlet writes one PyPackaging.PySdistEntry object per archive member: Archive (the archive's full path), Path (the member path as stored), EntryType (File, Directory, SymbolicLink, HardLink, CharacterDevice, BlockDevice, Fifo, SparseFile, Unknown), Size, Mode, LinkTarget, LastWriteTime, Findings and Severity (the worst severity among the entry's findings; None when it has none).

Each archive also gets one entry whose EntryType is Archive. It carries the archive-level findings (file name, container, gzip framing, metadata) and the archive's verdict: its Severity is the worst severity over the whole archive, and ErrorCount, WarningCount and InformationCount count the findings of all its entries.

Expand-PySdistSafely and Build-PySdist set Action on the entries: Extracted, Skipped or Refused when expanding; Added or Excluded when building, with Destination, SourcePath and Reason where they apply."""),
 ("FINDINGS", """A finding is one problem found by one rule on one member or on the archive: RuleId (stable, usable with -IncludeRule and -ExcludeRule), Severity, Category, Archive, Path, Message (the member, the reason, and the consequence when there is one) and Remedy (what to change in the build).

Findings are output objects, never error records, so they survive $ErrorActionPreference = 'Stop' and can be filtered, grouped and exported:

    Test-PySdist dist/*.tar.gz | ForEach-Object Findings | Group-Object RuleId

Errors (error records with stable ids) are kept for inputs that cannot be read at all: PathNotFound, PathIsDirectory, InvalidPath, ArchiveUnreadable, ArchiveAccessDenied; and for rule patterns that match no rule: RuleNotFound. A wildcard that matches no file is a PathNotFound error."""),
 ("RULE CATEGORIES AND SEVERITIES", """Structure: the PEP 625 file name, the single top-level directory, PKG-INFO and pyproject.toml, the container and tar format. Metadata: core metadata as PyPI's upload check applies it. Safety: what installers refuse under PEP 721 (absolute or escaping paths, links leading outside the archive, devices, duplicates) and every case where two tar readers could read the archive differently. Hygiene: virtual environments, tool caches, VCS data, bytecode, names Windows cannot hold. Limits: sizes, member count, compression ratio, path length and depth.

Error means someone named refuses the sdist (PyPI's upload check, pip, uv, CPython's data filter, a tar reader that reads it differently) or it is unsafe. Warning means it works but is probably wrong or will break somewhere. Information is worth knowing and breaks nothing. Get-PySdistRule lists every rule with its id, severity, category, description, remedy and the specification it comes from."""),
 ("GATING A CI STEP", """One idiom is correct for one archive or many, with or without $ErrorActionPreference = 'Stop', and when no sdist matched:

    if (-not (Test-PySdist dist/*.tar.gz -Quiet)) { exit 1 }

Test-PySdist -Quiet writes exactly one Boolean for the whole call: $true only when every archive given was read and none has an Error finding. It writes $false when any archive has an Error finding, any input could not be read, a wildcard matched no file, a rule pattern matched no rule, or the pipeline brought no file at all. Without 'Stop' the errors are also written; with 'Stop' the first error ends the script, which fails the step as well.

Gating on 'Test-PySdist dist/*.tar.gz | Where-Object Severity -eq Error' alone is not enough: when no file matched, or a file could not be read, it outputs nothing, and nothing is not a failure without 'Stop'.

On GitHub Actions and Azure Pipelines, Assert-PySdist is the gate with everything the CI shows: one annotation per Error and Warning finding in the system's syntax, one PASS/FAIL line per archive, a Markdown job summary (findings table, member tree), SARIF and JUnit files on request, and a failed step (exit code 1, and task.complete result=Failed on Azure) when an archive has an Error finding, when none matched or when one could not be read, with or without 'Stop':

    Assert-PySdist -Path dist/*.tar.gz -SarifPath pypackaging.sarif -JUnitPath pypackaging-junit.xml

Export-PySdistReport writes the same reports (Sarif, JUnit, Markdown, Json) from entries on the pipeline."""),
 ("LIMITS", """Reading is streaming, with bounded memory, and bounded by limits that pass every real sdist: -MaxTotalSize 4 GiB of uncompressed data, -MaxMemberSize 2 GiB per member, -MaxMemberCount 200000 members, -MaxCompressionRatio 250 (judged once 64 MiB have been inflated), -MaxPathLength 1024 characters and -MaxPathDepth 64 components. Exceeding one is a Limits finding (an Error), and reading stops where going on could exhaust the machine. Test-PySdist and Expand-PySdistSafely take the same limit parameters."""),
 ("EXTRACTION GUARANTEES", """Expand-PySdistSafely decides before it places: every member path is checked before anything is written for it; files go into a fresh staging directory beside the target; after the single streaming pass every Test-PySdist check runs on the whole archive, and only when no Safety or Limits rule reports an Error are links written and the staging directory moved into place.

All or nothing: an archive with any unsafe member is refused as a whole (UnsafeMembers, listing every offender and its reason), unless -SkipUnsafe skips the offenders. Reader disagreements, truncation, a corrupt gzip stream and exceeded limits always refuse the whole archive. Structure, Metadata and Hygiene findings never block.

Nothing escapes and nothing is left behind: no member can write outside the target, a target that is a link is refused, and on any failure (including Ctrl+C) the staging directory is removed and the destination is exactly as it was. An existing target is replaced only with -Force, never merged.

Each refused or failed archive is a non-terminating error and the next archive is expanded; -ErrorAction Stop stops at the first. Modes are normalised (no setuid, setgid, sticky or group/other write), ownership is never changed, and times come from the archive, clamped to 1970-2100."""),
 ("TYPES IN SCRIPTS", """The output types are ordinary .NET types from PyPackaging.Model.dll, loaded with the module: PyPackaging.PySdistEntry, PyPackaging.PySdistFinding, PyPackaging.PySdistRule and the enums PySdistSeverity, PySdistEntryType, PySdistEntryAction and PySdistRuleCategory. Type literals, -is and tab completion of properties after a pipe work; enum properties also compare with strings, which PowerShell converts for you: Where-Object Severity -eq Error."""),
 ("UPDATABLE HELP", """The help ships inside the module and changes with each release; PyPackaging does not publish updatable help, so the manifest has no HelpInfoUri and Update-Help does not apply to it. Get-Help <cmdlet> -Online opens the same text on the project's site."""),
 ("SEE ALSO", """Test-PySdist, Assert-PySdist, Export-PySdistReport, Expand-PySdistSafely, Build-PySdist, Compare-PySdist, Get-PySdistRule, about_CommonParameters. The project's README: https://github.com/pypackaging/PyPackaging"""),
]
