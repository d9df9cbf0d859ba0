using System;
using System.IO;
using PyPackaging.Archives;
using PyPackaging.Paths;

namespace PyPackaging.Inspection
{
    /// <summary>Which member payloads the inspector keeps for the checks, and how much of each.</summary>
    public static class CapturePolicy
    {
        /// <summary>PKG-INFO carries the long description; 16 MiB is far above any real one.</summary>
        public const int MetadataFileLimit = ArchiveLimits.MaxCapturedMetadataFile;
        public const int CacheDirTagLimit = ArchiveLimits.MaxCapturedCacheDirTag;
        public const int PyVenvCfgLimit = ArchiveLimits.MaxCapturedPyVenvCfg;

        /// <summary>How many bytes of the member at <paramref name="path"/> to keep; 0 to keep none.</summary>
        public static int BytesToCapture(string path)
        {
            var name = LastComponent(path);
            var depth = MemberPath.CountComponents(path); // "pkg-1.0/PKG-INFO" is 2; "./pkg-1.0/PKG-INFO" too
            if (depth == 2 && (name == "PKG-INFO" || name == "pyproject.toml")) return MetadataFileLimit;
            if (name == "CACHEDIR.TAG") return CacheDirTagLimit;
            if (name == "pyvenv.cfg") return PyVenvCfgLimit;
            return 0;
        }

        /// <summary>Reads the first <paramref name="limit"/> bytes of a member payload (all of it when shorter).</summary>
        public static CapturedContent Capture(Stream data, long declaredSize, int limit)
        {
            var wanted = (int)Math.Min(declaredSize, limit);
            var buffer = new byte[wanted];
            var total = 0;
            while (total < wanted)
            {
                var read = data.Read(buffer, total, wanted - total);
                if (read <= 0) break;
                total += read;
            }
            if (total < wanted) Array.Resize(ref buffer, total);
            return new CapturedContent(buffer, truncated: declaredSize > total);
        }

        /// <summary>The last segment as stored (a trailing "/." is a segment here, unlike in MemberPath).</summary>
        private static string LastComponent(string path)
        {
            var trimmed = path.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }
    }
}
