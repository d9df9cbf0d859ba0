using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Archives;
using PyPackaging.TestKit;

namespace PyPackaging.Core.Tests.Support
{
    /// <summary>
    /// Writes a snapshot's member table as a real archive (tar.gz, tar or zip, each member in the header dialect the
    /// snapshot names), so rule tests run end to end: crafted archive → reader → checks.
    /// Returns null for what no archive can carry faithfully (NUL or U+FFFD in names, an incomplete read, huge sizes).
    /// </summary>
    internal static class SnapshotArchive
    {
        private const long MaxPayload = 4 * 1024 * 1024;

        public static byte[]? TryWrite(ContainerFormat container, IReadOnlyList<ArchiveMember> members, Func<int, byte[]?> content)
        {
            switch (container)
            {
                case ContainerFormat.TarGzip:
                    var tar = TryWriteTar(members, content);
                    return tar == null ? null : GzipCrafter.Compress(tar);
                case ContainerFormat.Tar:
                    return TryWriteTar(members, content);
                case ContainerFormat.Zip:
                    return TryWriteZip(members, content);
                case ContainerFormat.Empty:
                    return members.Count == 0 ? Array.Empty<byte>() : null;
                case ContainerFormat.Bzip2:
                    return members.Count == 0 ? Encoding.ASCII.GetBytes("BZh91AY&SY not really bzip2 data") : null;
                case ContainerFormat.Xz:
                    return members.Count == 0 ? new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 1, 2, 3, 4 } : null;
                case ContainerFormat.Zstandard:
                    return members.Count == 0 ? new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3, 4 } : null;
                case ContainerFormat.Unknown:
                    return members.Count == 0 ? Encoding.ASCII.GetBytes("this is not an archive\n") : null;
                default:
                    return null;
            }
        }

        private static bool Writable(string? text) => text == null || (text.IndexOf('\0') < 0 && text.IndexOf('\uFFFD') < 0);

        private static byte[]? Payload(ArchiveMember member, Func<int, byte[]?> content)
        {
            if (member.Type != PySdistEntryType.File && member.Type != PySdistEntryType.SparseFile && member.Type != PySdistEntryType.Unknown) return Array.Empty<byte>();
            var bytes = content(member.Index);
            if (bytes != null) return bytes.Length == member.Size ? bytes : null;
            return member.Size <= MaxPayload ? new byte[member.Size] : null;
        }

        private static byte[]? TryWriteTar(IReadOnlyList<ArchiveMember> members, Func<int, byte[]?> content)
        {
            var crafter = new TarCrafter(TarFlavor.Ustar);
            foreach (var member in members)
            {
                if (!Writable(member.Path) || !Writable(member.LinkTarget) || member.Path.Length == 0) return null;
                if (member.HeaderFormat == MemberHeaderFormat.Zip) return null;
                if (member.Type == PySdistEntryType.SparseFile) return null; // sparse maps are the reader's business
                var payload = Payload(member, content);
                if (payload == null) return null;
                var link = member.LinkTarget ?? string.Empty;
                var header = new TarHeader(Flavor(member.HeaderFormat))
                {
                    Mode = member.Mode ?? 0x1A4,
                    Uid = member.Uid ?? 0,
                    Gid = member.Gid ?? 0,
                    UName = member.UserName ?? string.Empty,
                    GName = member.GroupName ?? string.Empty,
                    Size = payload.Length,
                    Mtime = member.ModifiedTime.HasValue ? new DateTimeOffset(member.ModifiedTime.Value).ToUnixTimeSeconds() : 1_700_000_000,
                    TypeFlag = member.TypeFlag == '\0' ? '0' : member.TypeFlag,
                };
                switch (member.HeaderFormat)
                {
                    case MemberHeaderFormat.Pax:
                        // The pax record carries the path (and link); the ustar fields stay empty, which no reader misreads.
                        var records = new List<(string, string)> { ("path", member.Path) };
                        if (link.Length > 0) records.Add(("linkpath", link));
                        crafter.AddPax(records.ToArray());
                        break;
                    case MemberHeaderFormat.Ustar:
                        if (!SplitUstar(member.Path, out var prefix, out var name) || Encoding.UTF8.GetByteCount(link) > 100) return null;
                        header.Prefix = prefix;
                        header.Name = name;
                        header.LinkName = link;
                        break;
                    case MemberHeaderFormat.Gnu:
                        if (Encoding.UTF8.GetByteCount(member.Path) > 100) crafter.AddGnuLongName(member.Path);
                        if (Encoding.UTF8.GetByteCount(link) > 100) crafter.AddGnuLongLink(link);
                        header.Name = Truncate(member.Path);
                        header.LinkName = Truncate(link);
                        break;
                    case MemberHeaderFormat.V7:
                        if (Encoding.UTF8.GetByteCount(member.Path) > 100 || Encoding.UTF8.GetByteCount(link) > 100) return null;
                        header.Name = member.Path;
                        header.LinkName = link;
                        break;
                }
                crafter.AddEntry(header, payload);
            }
            return crafter.Finish().ToArray();
        }

        private static byte[]? TryWriteZip(IReadOnlyList<ArchiveMember> members, Func<int, byte[]?> content)
        {
            var zip = new ZipCrafter();
            foreach (var member in members)
            {
                if (!Writable(member.Path) || member.Path.Length == 0) return null;
                switch (member.Type)
                {
                    case PySdistEntryType.File:
                        var payload = Payload(member, content);
                        if (payload == null) return null;
                        zip.AddFile(member.Path, payload, deflate: true, unixMode: 0x8000 | (member.Mode ?? 0x1A4));
                        break;
                    case PySdistEntryType.Directory:
                        zip.AddDirectory(member.Path.EndsWith("/", StringComparison.Ordinal) ? member.Path : member.Path + "/");
                        break;
                    case PySdistEntryType.SymbolicLink:
                        zip.AddSymlink(member.Path, member.LinkTarget ?? string.Empty);
                        break;
                    default:
                        return null;
                }
            }
            return zip.ToArray();
        }

        private static TarFlavor Flavor(MemberHeaderFormat format) => format switch
        {
            MemberHeaderFormat.Gnu => TarFlavor.Gnu,
            MemberHeaderFormat.V7 => TarFlavor.V7,
            _ => TarFlavor.Ustar,
        };

        private static string Truncate(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return bytes.Length <= 100 ? value : Encoding.UTF8.GetString(bytes, 0, 100).TrimEnd('\uFFFD');
        }

        private static bool SplitUstar(string path, out string prefix, out string name)
        {
            prefix = string.Empty;
            name = path;
            if (Encoding.UTF8.GetByteCount(path) <= 100) return true;
            for (var i = path.Length - 1; i > 0; i--)
            {
                if (path[i] != '/') continue;
                var candidatePrefix = path.Substring(0, i);
                var candidateName = path.Substring(i + 1);
                if (Encoding.UTF8.GetByteCount(candidateName) > 100) return false;
                if (Encoding.UTF8.GetByteCount(candidatePrefix) <= 155 && candidateName.Length > 0)
                {
                    prefix = candidatePrefix;
                    name = candidateName;
                    return true;
                }
            }
            return false;
        }
    }
}
