using System;
using System.IO;
using System.Security;
using System.Text;
using PyPackaging.Checks.Hygiene;

namespace PyPackaging.Building.Selection
{
    /// <summary>Whether a directory is tagged as a cache (Cache Directory Tagging Specification).</summary>
    internal static class CacheDirTag
    {
        private static readonly byte[] Signature = Encoding.ASCII.GetBytes(ContentMap.CacheDirTagSignature);

        /// <summary>True when <paramref name="directory"/>/CACHEDIR.TAG exists and starts with the signature; an unreadable tag counts as absent.</summary>
        public static bool IsTagged(string directory)
        {
            string tag = Path.Combine(directory, "CACHEDIR.TAG");
            try
            {
                if (!File.Exists(tag))
                {
                    return false;
                }

                var buffer = new byte[Signature.Length];
                using (var stream = new FileStream(tag, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    int read = 0;
                    while (read < buffer.Length)
                    {
                        int n = stream.Read(buffer, read, buffer.Length - read);
                        if (n == 0)
                        {
                            return false;
                        }

                        read += n;
                    }
                }

                for (int i = 0; i < Signature.Length; i++)
                {
                    if (buffer[i] != Signature[i])
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException)
            {
                return false;
            }
        }
    }
}
