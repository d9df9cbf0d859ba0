# Generates the module's help from tools/help/helpdata.py:
#   src/PyPackaging/en-US/PyPackaging.dll-Help.xml   MAML for Get-Help <cmdlet>
#   src/PyPackaging/en-US/about_PyPackaging.help.txt Get-Help about_PyPackaging (from ABOUT in helpdata.py)
#   docs/help/<cmdlet>.md, docs/help/about_PyPackaging.md  the online help (each cmdlet's HelpUri, Get-Help -Online)
# Usage (from the repo root): python3 tools/help/genmaml.py tools/help/helpdata.py src/PyPackaging/en-US/PyPackaging.dll-Help.xml [docs-dir]
# Edit helpdata.py, regenerate, commit everything it writes; tests/Module/Help.Tests.ps1 fails when a parameter is
# undocumented, the syntax differs from the cmdlet's, or the generated files are stale.
#
# A command's "should_process": True adds -WhatIf and -Confirm (documented here once) to its syntax and parameters.
import os
import sys
from xml.sax.saxutils import escape as e

# The limit defaults are read from the one place they are written, src/PyPackaging.Core/Archives/ArchiveLimits.cs
# (LimitDefaultsTests fails when the help or the README disagree with it).
import os, re

def archive_limits():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "PyPackaging.Core", "Archives", "ArchiveLimits.cs")
    values = {}
    for name, expr in re.findall(r"public const (?:long|int|double) (\w+) = ([0-9_L* ]+);", open(path, encoding="utf-8").read()):
        value = 1
        for factor in expr.split("*"):
            value *= int(factor.strip().rstrip("L").replace("_", ""))
        values[name] = value
    return values

def human_bytes(n):
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"

_L = archive_limits()
LIMITS = [
 ("MaxTotalSize","Int64",str(_L["DefaultMaxTotalSize"]),f"Most uncompressed bytes to read from the archive (the whole tar stream, headers included). Reading stops there and a MaxTotalSizeExceeded-style Limits finding is reported. Default {human_bytes(_L['DefaultMaxTotalSize'])}."),
 ("MaxMemberSize","Int64",str(_L["DefaultMaxMemberSize"]),f"Largest payload a single member may declare. A larger declaration is reported and reading stops. Default {human_bytes(_L['DefaultMaxMemberSize'])}."),
 ("MaxMemberCount","Int32",str(_L["DefaultMaxMembers"]),f"Most members an archive may hold before reading stops. Default {_L['DefaultMaxMembers']}."),
 ("MaxCompressionRatio","Double",str(_L["DefaultMaxCompressionRatio"]),f"Largest ratio of uncompressed to compressed bytes, judged once {human_bytes(_L['DefaultCompressionRatioFloor'])} have been inflated, so gzip bombs are stopped early. Default {_L['DefaultMaxCompressionRatio']}."),
 ("MaxPathLength","Int32",str(_L["DefaultMaxPathLength"]),f"Longest member path or link target, in characters. Longer ones are reported (reading continues). Default {_L['DefaultMaxPathLength']}."),
 ("MaxPathDepth","Int32",str(_L["DefaultMaxPathDepth"]),f"Most components in a member path. Deeper ones are reported (reading continues). Default {_L['DefaultMaxPathDepth']}."),
]

def para(text):
    return "".join(f"<maml:para>{e(p)}</maml:para>" for p in text.strip().split("\n\n"))

ONLINE_BASE = "https://github.com/pypackaging/PyPackaging/blob/main/docs/help/"  # = HelpLinks.Base in the C# code

SHOULD_PROCESS = [
 ("WhatIf","SwitchParameter","Shows what would happen if the command ran, and writes nothing.",False,"named","False",False,"False",["wi"]),
 ("Confirm","SwitchParameter","Asks for confirmation before each archive or build. -Confirm:$false never asks, whatever $ConfirmPreference says.",False,"named","False",False,"False",["cf"]),
]

def is_switch(typ):
    return typ == "SwitchParameter"

def param_xml(p, in_syntax=False):
    name, typ, desc, required, pos, pipeline, globbing, default, aliases = p
    al = f' aliases="{e(",".join(aliases))}"' if aliases else ' aliases="none"'
    # A switch takes no value: without a parameterValue in the syntax, Get-Help shows [-Quiet], not
    # [-Quiet <SwitchParameter>]; in the parameter list the value is marked optional, as PowerShell's own help does.
    if is_switch(typ) and in_syntax:
        value = ""
    elif is_switch(typ):
        value = f'\n        <command:parameterValue required="false" variableLength="false">{e(typ)}</command:parameterValue>'
    else:
        value = f'\n        <command:parameterValue required="true" variableLength="false">{e(typ)}</command:parameterValue>'
    return f'''      <command:parameter required="{str(required).lower()}" variableLength="true" globbing="{str(globbing).lower()}" pipelineInput="{e(pipeline)}" position="{pos}"{al}>
        <maml:name>{e(name)}</maml:name>
        <maml:description>{para(desc)}</maml:description>{value}
        <dev:type><maml:name>{e(typ)}</maml:name></dev:type>
        <dev:defaultValue>{e(default)}</dev:defaultValue>
      </command:parameter>'''

def all_params(c):
    return list(c["params"]) + (SHOULD_PROCESS if c.get("should_process") else [])

def online_uri(name):
    return ONLINE_BASE + name + ".md"

def command(c):
    syntax = ""
    params_all = all_params(c)
    for setname, names in c["sets"]:
        names = list(names) + ([p[0] for p in SHOULD_PROCESS] if c.get("should_process") else [])
        items = "\n".join(param_xml(p, in_syntax=True) for p in params_all if p[0] in names)
        syntax += f'''      <command:syntaxItem>
        <maml:name>{c["name"]}</maml:name>
{items}
      </command:syntaxItem>
'''
    params = "\n".join(param_xml(p) for p in params_all)
    examples = ""
    for i,(title, code, remarks) in enumerate(c["examples"],1):
        examples += f'''      <command:example>
        <maml:title>-------------------------- Example {i}: {e(title)} --------------------------</maml:title>
        <dev:code>{e(code.strip())}</dev:code>
        <dev:remarks>{para(remarks)}</dev:remarks>
      </command:example>
'''
    inputs = "".join(f'<command:inputType><dev:type><maml:name>{e(t)}</maml:name></dev:type><maml:description>{para(d)}</maml:description></command:inputType>' for t,d in c["inputs"])
    outputs = "".join(f'<command:returnValue><dev:type><maml:name>{e(t)}</maml:name></dev:type><maml:description>{para(d)}</maml:description></command:returnValue>' for t,d in c["outputs"])
    # The first link is the online version (Get-Help -Online opens it); the cmdlet's HelpUri names the same page.
    links = f'<maml:navigationLink><maml:linkText>Online Version:</maml:linkText><maml:uri>{e(online_uri(c["name"]))}</maml:uri></maml:navigationLink>'
    links += "".join(f'<maml:navigationLink><maml:linkText>{e(l)}</maml:linkText><maml:uri></maml:uri></maml:navigationLink>' for l in c["links"])
    verb, noun = c["name"].split("-",1)
    return f'''  <command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">
    <command:details>
      <command:name>{c["name"]}</command:name>
      <command:verb>{verb}</command:verb>
      <command:noun>{noun}</command:noun>
      <maml:description>{para(c["synopsis"])}</maml:description>
    </command:details>
    <maml:description>{para(c["description"])}</maml:description>
    <command:syntax>
{syntax}    </command:syntax>
    <command:parameters>
{params}
    </command:parameters>
    <command:inputTypes>{inputs}</command:inputTypes>
    <command:returnValues>{outputs}</command:returnValues>
    <maml:alertSet><maml:alert>{para(c["notes"])}</maml:alert></maml:alertSet>
    <command:examples>
{examples}    </command:examples>
    <command:relatedLinks>{links}</command:relatedLinks>
  </command:command>
'''

def md(text):
    """Prose for Markdown: the help's text is plain, so characters Markdown or HTML would interpret are escaped."""
    out = text.strip()
    for ch in "\\`*_[]":
        out = out.replace(ch, "\\" + ch)
    return out.replace("<", "&lt;").replace(">", "&gt;")

def markdown(c):
    """The online page of one cmdlet: the same text as the MAML, as GitHub renders Markdown."""
    out = [f"# {c['name']}", "", "<!-- Generated by tools/help/genmaml.py from tools/help/helpdata.py: edit the data, not this file. -->", "",
           "## Synopsis", "", md(c["synopsis"]), "", "## Syntax", ""]
    params_all = all_params(c)
    for setname, names in c["sets"]:
        names = list(names) + ([p[0] for p in SHOULD_PROCESS] if c.get("should_process") else [])
        parts = []
        for p in params_all:
            if p[0] not in names:
                continue
            name, typ, _, required, pos, *_ = p
            text = f"-{name}" if is_switch(typ) else f"-{name} <{typ}>"
            if not is_switch(typ) and pos != "named":
                text = f"[-{name}] <{typ}>"
            parts.append(text if required else f"[{text}]")
        out += ["```", f"{c['name']} {' '.join(parts)} [<CommonParameters>]", "```", ""]
    out += ["## Description", "", md(c["description"]), "", "## Parameters", ""]
    for name, typ, desc, required, pos, pipeline, globbing, default, aliases in params_all:
        out += [f"### -{name} `<{typ}>`", "", md(desc), "",
                md(f"Required: {required}; position: {pos}; default: {default}; pipeline input: {pipeline}; wildcards: {globbing}")
                + (f"; aliases: {', '.join(aliases)}" if aliases else ""), ""]
    out += ["### CommonParameters", "", "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction and -WarningVariable (about_CommonParameters).", ""]
    out += ["## Inputs", ""] + [f"- `{t}`: {md(d)}" for t, d in c["inputs"]] + ["", "## Outputs", ""] + [f"- `{t}`: {md(d)}" for t, d in c["outputs"]]
    out += ["", "## Notes", "", md(c["notes"]), "", "## Examples", ""]
    for i, (title, code, remarks) in enumerate(c["examples"], 1):
        out += [f"### Example {i}: {md(title)}", "", "```powershell", code.strip(), "```", "", md(remarks), ""]
    out += ["## Related links", "", "- [about_PyPackaging](about_PyPackaging.md)"] + [f"- [{l}]({l}.md)" if not l.startswith("about_") else f"- {l}" for l in c["links"]]
    return "\n".join(out) + "\n"

def about_text(about):
    """about_PyPackaging.help.txt: the classic about-topic layout (upper-case headings, text indented four spaces)."""
    import textwrap
    lines = ["TOPIC", "    about_PyPackaging", ""]
    for heading, body in about:
        lines.append(heading.upper())
        for block in body.strip().split("\n\n"):
            if block.startswith("    ") or "\n    " in block:  # preformatted: code or a table, kept as written
                lines += ["    " + l for l in block.split("\n")]
            else:
                lines += textwrap.wrap(" ".join(block.split()), width=76, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)
            lines.append("")
    return "\n".join(lines)

def about_markdown(about):
    out = ["# about_PyPackaging", "", "<!-- Generated by tools/help/genmaml.py from tools/help/helpdata.py: edit the data, not this file. -->", ""]
    for heading, body in about:
        out += [f"## {heading.title()}", ""]
        for block in body.strip().split("\n\n"):
            if block.startswith("    ") or "\n    " in block:
                out += ["```", "\n".join(l[4:] if l.startswith("    ") else l for l in block.split("\n")), "```", ""]
            else:
                out += [md(" ".join(block.split())), ""]
    return "\n".join(out)

exec(open(sys.argv[1]).read())  # defines COMMANDS and ABOUT
out = '<?xml version="1.0" encoding="utf-8"?>\n<!-- Help for the PyPackaging cmdlets (MAML), generated by tools/help/genmaml.py from tools/help/helpdata.py: edit the data, not this file. -->\n<helpItems schema="maml" xmlns="http://msh">\n' + "".join(command(c) for c in COMMANDS) + '</helpItems>\n'
open(sys.argv[2],"w",encoding="utf-8").write(out)

help_dir = os.path.dirname(os.path.abspath(sys.argv[2]))
repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
docs = sys.argv[3] if len(sys.argv) > 3 else os.path.join(repo, "docs", "help")  # a third argument: elsewhere (the staleness test)
os.makedirs(docs, exist_ok=True)
open(os.path.join(help_dir, "about_PyPackaging.help.txt"), "w", encoding="utf-8", newline="\n").write(about_text(ABOUT))
open(os.path.join(docs, "about_PyPackaging.md"), "w", encoding="utf-8", newline="\n").write(about_markdown(ABOUT))
for c in COMMANDS:
    open(os.path.join(docs, c["name"] + ".md"), "w", encoding="utf-8", newline="\n").write(markdown(c))
