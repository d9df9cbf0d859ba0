# Generates src/PyPackaging/en-US/PyPackaging.dll-Help.xml (MAML) from tools/help/helpdata.py.
# Usage (from the repo root): python3 tools/help/genmaml.py tools/help/helpdata.py src/PyPackaging/en-US/PyPackaging.dll-Help.xml
# Edit helpdata.py, regenerate, commit both; HelpAndScriptTests fails when a cmdlet parameter is undocumented.
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

def param_xml(p):
    name, typ, desc, required, pos, pipeline, globbing, default, aliases = p
    al = f' aliases="{e(",".join(aliases))}"' if aliases else ' aliases="none"'
    return f'''      <command:parameter required="{str(required).lower()}" variableLength="true" globbing="{str(globbing).lower()}" pipelineInput="{e(pipeline)}" position="{pos}"{al}>
        <maml:name>{e(name)}</maml:name>
        <maml:description>{para(desc)}</maml:description>
        <command:parameterValue required="true" variableLength="false">{e(typ)}</command:parameterValue>
        <dev:type><maml:name>{e(typ)}</maml:name></dev:type>
        <dev:defaultValue>{e(default)}</dev:defaultValue>
      </command:parameter>'''

def command(c):
    syntax = ""
    for setname, names in c["sets"]:
        items = "\n".join(param_xml(p) for p in c["params"] if p[0] in names)
        syntax += f'''      <command:syntaxItem>
        <maml:name>{c["name"]}</maml:name>
{items}
      </command:syntaxItem>
'''
    params = "\n".join(param_xml(p) for p in c["params"])
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
    links = "".join(f'<maml:navigationLink><maml:linkText>{e(l)}</maml:linkText><maml:uri></maml:uri></maml:navigationLink>' for l in c["links"])
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

exec(open(sys.argv[1]).read())  # defines COMMANDS
out = '<?xml version="1.0" encoding="utf-8"?>\n<!-- Help for the PyPackaging cmdlets (MAML), generated by tools/help/genmaml.py from tools/help/helpdata.py: edit the data, not this file. -->\n<helpItems schema="maml" xmlns="http://msh">\n' + "".join(command(c) for c in COMMANDS) + '</helpItems>\n'
open(sys.argv[2],"w",encoding="utf-8").write(out)
