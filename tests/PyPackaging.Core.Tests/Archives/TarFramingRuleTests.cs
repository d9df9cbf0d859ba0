using System;
using System.Linq;
using System.Text;
using PyPackaging;
using PyPackaging.Archives;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>Each framing rule: a crafted archive that triggers it and a near miss that must not.</summary>
    public sealed class TarFramingRuleTests
    {
        private static byte[] Bytes(int n, byte value = (byte)'a') => Enumerable.Repeat(value, n).ToArray();

        private static TarCrafter Pax() => new TarCrafter(TarFlavor.Pax);

        private static void AssertOnly(ReadResult r, PySdistRule rule)
        {
            Assert.True(r.Has(rule), "expected " + rule.Id + "\n" + r.Describe());
            Assert.True(r.Findings.Findings.All(f => f.Rule == rule), "unexpected findings\n" + r.Describe());
        }

        private static void AssertClean(ReadResult r)
        {
            Assert.True(r.Findings.Findings.Count == 0, r.Describe());
            Assert.True(r.Completed, r.Describe());
        }

        // ---- TARmageddon

        [Fact]
        public void PaxSizeDisagreeingWithHeaderIsReportedAndPaxFrames()
        {
            var t = Pax();
            t.AddPax(("size", "1024"));
            // Header says 0: a pax-ignoring reader would parse the payload (an embedded tar header) as the next member.
            var inner = new TarCrafter(TarFlavor.Ustar).AddFile("demo-1.0/smuggled", "evil").ToArray();
            t.AddHeader(t.NewHeader("demo-1.0/outer.tar", '0', 0)).AddPayload(inner.Concat(new byte[1024 - inner.Length]).ToArray());
            t.AddFile("demo-1.0/after", "x").Finish();
            var r = Read(t.ToTarGz());
            AssertOnly(r, RuleCatalog.TarPaxSizeMismatch);
            var f = r.Of(RuleCatalog.TarPaxSizeMismatch).Single();
            Assert.Equal(0, f.MemberIndex);
            Assert.Contains("demo-1.0/outer.tar", f.Message);
            Assert.Contains("1024", f.Message);
            Assert.Equal(new[] { "demo-1.0/outer.tar", "demo-1.0/after" }, r.Members.Select(m => m.Path));
            Assert.Equal(1024, r.Members[0].Size);
            Assert.True(r.Completed);
        }

        [Fact]
        public void PaxSizeAppliesToTheMemberNotToAnInterveningGnuLongName()
        {
            var t = Pax();
            t.AddPax(("size", "1000"));
            t.AddGnuLongName("demo-1.0/" + new string('n', 120));
            t.AddEntry(t.NewHeader("demo-1.0/" + new string('n', 91), '0', 1000), Bytes(1000));
            t.AddFile("demo-1.0/after", "x").Finish();
            var r = Read(t.ToArray());
            AssertClean(r);
            Assert.Equal(new[] { "demo-1.0/" + new string('n', 120), "demo-1.0/after" }, r.Members.Select(m => m.Path));
            Assert.Equal(1000, r.Members[0].Size);
        }

        [Fact]
        public void EveryReaderRuleIsInTheCatalogueWithItsCategory()
        {
            var all = RuleCatalog.All;
            foreach (var rule in new[] { RuleCatalog.TarPaxSizeMismatch, RuleCatalog.TarPaxPathConflict, RuleCatalog.GzipConcatenatedMembers, RuleCatalog.ZipHeaderMismatch, RuleCatalog.TarNameNotUtf8, RuleCatalog.ZipNameNotUtf8 })
            {
                Assert.Contains(rule, all);
                Assert.Equal(PySdistRuleCategory.Safety, rule.Category);
                Assert.True(RuleCatalog.IsReportedByArchiveReader(rule));
            }
            foreach (var rule in new[] { RuleCatalog.LimitMemberCount, RuleCatalog.LimitMemberSize, RuleCatalog.LimitTotalSize, RuleCatalog.LimitCompressionRatio,
                RuleCatalog.LimitPathLength, RuleCatalog.LimitPathDepth, RuleCatalog.LimitExtensionHeaderSize })
            {
                Assert.Contains(rule, all);
                Assert.Equal(PySdistRuleCategory.Limits, rule.Category);
                Assert.Equal(PySdistSeverity.Error, rule.Severity);
            }
        }

        [Fact]
        public void PaxSizeAgreeingWithHeaderIsFine()
        {
            var t = Pax();
            t.AddPax(("size", "3"));
            t.AddEntry(t.NewHeader("demo-1.0/a", '0', 3), Bytes(3)).Finish();
            var r = Read(t.ToTarGz());
            AssertClean(r);
            Assert.Equal(3, r.Members[0].Size);
        }

        // ---- pax path + GNU long name

        [Fact]
        public void PaxPathAndGnuLongNameTogetherAreReported()
        {
            var t = Pax();
            t.AddGnuLongName("demo-1.0/" + new string('g', 120));
            t.AddPax(("path", "demo-1.0/" + new string('p', 120)));
            t.AddEntry(t.NewHeader("demo-1.0/" + new string('p', 80), '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarPaxGnuNameConflict), r.Describe());
            Assert.Equal("demo-1.0/" + new string('p', 120), r.Members.Single().Path);
        }

        [Fact]
        public void PaxLinkpathAndGnuLongLinkTogetherAreReported()
        {
            var t = Pax();
            t.AddGnuLongLink(new string('k', 120));
            t.AddPax(("linkpath", new string('l', 120)));
            t.AddHeader(t.NewHeader("demo-1.0/s", '2', 0)).Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarPaxGnuNameConflict), r.Describe());
            Assert.Equal(new string('l', 120), r.Members.Single().LinkTarget);
        }

        [Fact]
        public void GnuLongNameAloneIsFine() =>
            AssertClean(Read(new TarCrafter(TarFlavor.Gnu).AddFile("demo-1.0/" + new string('g', 200), "1").Finish().ToArray()));

        // ---- pax path vs ustar name

        [Theory]
        [InlineData("demo-1.0/setup.py", "demo-1.0/other.py")]                                   // pax fits ustar: no reason to differ
        [InlineData("demo-1.0/caf\u00e9.py", "../../etc/passwd")]                                   // header escapes
        [InlineData("demo-1.0/caf\u00e9.py", "evil-9.9/cafe.py")]                                   // other top-level directory
        public void PaxPathConflictingWithHeaderNameIsReported(string paxPath, string headerName)
        {
            var t = Pax();
            t.AddPax(("path", paxPath));
            t.AddEntry(t.NewHeader(headerName, '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarPaxPathConflict);
            var f = r.Of(RuleCatalog.TarPaxPathConflict).Single();
            Assert.Contains(paxPath, f.Message);
            Assert.Contains(headerName, f.Message);
            Assert.Contains("two tar readers can extract different files", f.Message);
            Assert.Equal(paxPath, r.Members.Single().Path);
        }

        [Theory]
        [InlineData("demo-1.0/caf\u00e9.py", "demo-1.0/caf?.py")]                                   // tarfile's '?' fallback
        [InlineData("demo-1.0/caf\u00e9.py", "demo-1.0/caf_.py")]
        [InlineData("demo-1.0/caf\u00e9.py", "")]                                                   // blank header name
        public void LossyHeaderFallbackIsNotAConflict(string paxPath, string headerName)
        {
            var t = Pax();
            t.AddPax(("path", paxPath));
            t.AddEntry(t.NewHeader(headerName, '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        [Fact]
        public void TruncatedHeaderNameOfALongPaxPathIsNotAConflict()
        {
            var longPath = "demo-1.0/" + new string('x', 300) + ".txt";
            var t = Pax();
            t.AddPax(("path", longPath));
            t.AddEntry(t.NewHeader(longPath.Substring(0, 100), '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        [Fact]
        public void AbbreviatedLongFirstComponentIsNotAConflict()
        {
            var top = new string('t', 200);
            var t = Pax();
            t.AddPax(("path", top + "/file.py"));
            t.AddEntry(t.NewHeader(top.Substring(0, 92) + "/file.py", '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        [Fact]
        public void ShortHeaderPrefixOfADifferentTopDirectoryIsAConflict()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0-evil/" + new string('x', 120)));
            t.AddEntry(t.NewHeader("demo-1.0/" + new string('x', 90), '0', 1), Bytes(1)).Finish();
            AssertOnly(Read(t.ToArray()), RuleCatalog.TarPaxPathConflict);
        }

        [Fact]
        public void PaxLinkpathConflictIsReported()
        {
            var t = Pax();
            t.AddPax(("linkpath", "target.txt"));
            var h = t.NewHeader("demo-1.0/link", '2', 0);
            h.LinkName = "/etc/passwd";
            t.AddHeader(h).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarPaxPathConflict);
            Assert.Equal("target.txt", r.Members.Single().LinkTarget);
        }

        // ---- duplicate keys, repeated headers, globals

        [Fact]
        public void DuplicatePaxKeyIsReportedAndLastWins()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0/first.txt"), ("path", "demo-1.0/second.txt"));
            t.AddEntry(t.NewHeader("demo-1.0/second.txt", '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarPaxDuplicateKey);
            var f = r.Of(RuleCatalog.TarPaxDuplicateKey).Single();
            Assert.Contains("demo-1.0/first.txt", f.Message);
            Assert.Contains("demo-1.0/second.txt", f.Message);
            Assert.Equal(0, f.MemberIndex);
        }

        [Fact]
        public void DistinctPaxKeysAreFine()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0/a.txt"), ("mtime", "1700000000"), ("SCHILY.xattr.user.x", "1"));
            t.AddEntry(t.NewHeader("demo-1.0/a.txt", '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        [Fact]
        public void TwoPaxHeadersForOneMemberAreReported()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0/one"));
            t.AddPax(("path", "demo-1.0/two"));
            t.AddEntry(t.NewHeader("demo-1.0/two", '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarRepeatedExtension);
            Assert.Equal("demo-1.0/two", r.Members.Single().Path);
        }

        [Fact]
        public void TwoGnuLongNamesForOneMemberAreReported()
        {
            var t = new TarCrafter(TarFlavor.Gnu);
            t.AddGnuLongName("demo-1.0/" + new string('a', 110));
            t.AddGnuLongName("demo-1.0/" + new string('b', 110));
            t.AddEntry(t.NewHeader("demo-1.0/" + new string('b', 90), '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarRepeatedExtension);
        }

        [Theory]
        [InlineData("path")]
        [InlineData("linkpath")]
        [InlineData("size")]
        public void GlobalPaxHeaderSettingFramingKeysIsReported(string key)
        {
            var t = Pax();
            t.AddPaxGlobal((key, key == "size" ? "0" : "demo-1.0/evil"));
            t.AddFile("demo-1.0/a", "1").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarPaxGlobalOverride);
            Assert.Equal(FindingCollector.ArchiveLevel, r.Of(RuleCatalog.TarPaxGlobalOverride).Single().MemberIndex);
            Assert.Equal("demo-1.0/a", r.Members.Single().Path);
        }

        [Fact]
        public void GlobalPaxHeaderWithCommentIsFine()
        {
            var t = Pax();
            t.AddPaxGlobal(("comment", "git commit 0123abc"));
            t.AddFile("demo-1.0/a", "1").Finish();
            var r = Read(t.ToArray());
            AssertClean(r);
            Assert.Single(r.Members);
        }

        // ---- malformed records

        [Theory]
        [InlineData("7 a=b\n")]                 // length too long for the header
        [InlineData("x path=a\n")]              // no length
        [InlineData("6 a=bc")]                   // length does not end at a newline
        [InlineData("5 ab\n")]                   // no '='
        [InlineData("12 size=abc\n")]            // non-numeric size
        [InlineData("8 size=\n")]                // empty size
        [InlineData("8 path=\n")]                // empty path
        [InlineData("21 hdrcharset=BINARY\n")]
        public void MalformedPaxRecordsAreReported(string payload)
        {
            var t = Pax();
            t.AddPaxRaw(Encoding.ASCII.GetBytes(payload));
            t.AddEntry(t.NewHeader("demo-1.0/a", '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarPaxMalformed), r.Describe());
            Assert.Contains("malformed", r.Of(RuleCatalog.TarPaxMalformed)[0].Message);
        }

        [Fact]
        public void NonUtf8PaxPathIsReported()
        {
            var body = new byte[] { (byte)' ', (byte)'p', (byte)'a', (byte)'t', (byte)'h', (byte)'=', (byte)'d', 0xFF, 0xFE, (byte)'\n' };
            var record = Encoding.ASCII.GetBytes("12").Concat(body).ToArray();
            var t = Pax();
            t.AddPaxRaw(record);
            t.AddEntry(t.NewHeader("d__", '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarPaxMalformed), r.Describe());
            Assert.True(r.Has(RuleCatalog.TarNameNotUtf8), r.Describe());
        }

        [Fact]
        public void UnreadablePaxSizeStopsReading()
        {
            var t = Pax();
            t.AddPax(("size", "12x"));
            t.AddEntry(t.NewHeader("demo-1.0/a", '0', 1), Bytes(1)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarPaxMalformed), r.Describe());
            Assert.Empty(r.Members);
            Assert.False(r.Completed);
            Assert.NotNull(r.StopReason);
        }

        [Fact]
        public void WellFormedRecordsWithLongValuesAreFine()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0/" + new string('v', 900)), ("comment", new string('c', 5000)));
            t.AddEntry(t.NewHeader("demo-1.0/" + new string('v', 91), '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        // ---- orphaned extension

        [Theory]
        [InlineData('x')]
        [InlineData('L')]
        [InlineData('K')]
        public void ExtensionHeaderAtTheEndIsOrphaned(char kind)
        {
            var t = Pax().AddFile("demo-1.0/a", "1");
            if (kind == 'x') t.AddPax(("path", "demo-1.0/ghost"));
            else if (kind == 'L') t.AddGnuLongName("demo-1.0/ghost");
            else t.AddGnuLongLink("ghost");
            var r = Read(t.Finish().ToArray());
            AssertOnly(r, RuleCatalog.TarOrphanedExtension);
            Assert.Single(r.Members);
        }

        [Fact]
        public void ExtensionFollowedByMemberIsNotOrphaned()
        {
            var t = Pax();
            t.AddPax(("path", "demo-1.0/real"));
            t.AddEntry(t.NewHeader("demo-1.0/real", '0', 1), Bytes(1)).Finish();
            AssertClean(Read(t.ToArray()));
        }

        // ---- sparse, unknown typeflags, payload on non-files

        [Fact]
        public void GnuSparseMemberIsReported()
        {
            var t = new TarCrafter(TarFlavor.Gnu).AddGnuSparse("demo-1.0/sparse.bin", Bytes(700)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarSparseMember);
            Assert.Equal(PySdistEntryType.SparseFile, r.Members[0].Type);
            Assert.Equal("demo-1.0/b", r.Members[1].Path);
        }

        [Fact]
        public void PaxSparseMemberIsReported()
        {
            var t = Pax();
            t.AddPax(("GNU.sparse.major", "1"), ("GNU.sparse.minor", "0"), ("GNU.sparse.name", "demo-1.0/s"), ("GNU.sparse.realsize", "10"));
            t.AddEntry(t.NewHeader("demo-1.0/GNUSparseFile.0/s", '0', 1), Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarSparseMember);
            Assert.Equal(PySdistEntryType.SparseFile, r.Members[0].Type);
        }

        [Fact]
        public void RegularFileIsNotSparse() => AssertClean(Read(Pax().AddFile("demo-1.0/a", Bytes(700)).Finish().ToArray()));

        [Theory]
        [InlineData('M')]
        [InlineData('V')]
        [InlineData('Z')]
        public void UnknownTypeFlagsAreReported(char flag)
        {
            var t = new TarCrafter(TarFlavor.Gnu);
            t.AddEntry(t.NewHeader("demo-1.0/odd", flag, 3), Bytes(3)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarUnknownTypeFlag);
            Assert.Equal(PySdistEntryType.Unknown, r.Members[0].Type);
            Assert.Equal(flag, r.Members[0].TypeFlag);
            Assert.Equal("demo-1.0/b", r.Members[1].Path);
        }

        [Theory]
        [InlineData('5')]
        [InlineData('2')]
        [InlineData('1')]
        [InlineData('6')]
        public void NonFileWithPayloadIsReported(char flag)
        {
            var t = new TarCrafter(TarFlavor.Ustar);
            var h = t.NewHeader("demo-1.0/thing", flag, 512);
            h.LinkName = "target";
            t.AddEntry(h, Bytes(512)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarPayloadOnNonFile);
            Assert.Equal(2, r.Members.Count);
        }

        // ---- end of archive

        [Fact]
        public void GarbageAfterEndMarkerIsReported()
        {
            var t = Pax().AddFile("demo-1.0/a", "1").Finish().AddRaw(Encoding.ASCII.GetBytes("hidden"));
            var r = Read(t.ToTarGz());
            AssertOnly(r, RuleCatalog.TarDataAfterEndMarker);
            Assert.Equal(FindingCollector.ArchiveLevel, r.Of(RuleCatalog.TarDataAfterEndMarker)[0].MemberIndex);
        }

        [Fact]
        public void MemberAfterSingleZeroBlockIsReported()
        {
            var t = Pax().AddFile("demo-1.0/a", "1").AddEndMarker(1).AddFile("demo-1.0/hidden", "2").Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Has(RuleCatalog.TarDataAfterEndMarker), r.Describe());
            Assert.Single(r.Members);
        }

        [Fact]
        public void ExtraZeroPaddingAfterEndMarkerIsFine() =>
            AssertClean(Read(Pax().AddFile("demo-1.0/a", "1").Finish().AddEndMarker(40).ToTarGz()));

        [Fact]
        public void MissingEndMarkerIsReported()
        {
            var r = Read(Pax().AddFile("demo-1.0/a", "1").ToTarGz());
            AssertOnly(r, RuleCatalog.TarMissingEndMarker);
            Assert.False(r.Completed);
            Assert.Single(r.Members);
        }

        [Fact]
        public void SingleZeroBlockIsAnIncompleteEndMarker()
        {
            var r = Read(Pax().AddFile("demo-1.0/a", "1").AddEndMarker(1).ToTarGz());
            AssertOnly(r, RuleCatalog.TarMissingEndMarker);
            Assert.False(r.Completed);
        }

        [Fact]
        public void EndMarkerWithoutRecordPaddingIsFine() =>
            AssertClean(Read(Pax().AddFile("demo-1.0/a", "1").AddEndMarker().ToTarGz()));

        [Fact]
        public void PayloadCutShortIsTruncation()
        {
            var t = Pax();
            t.AddHeader(t.NewHeader("demo-1.0/cut", '0', 5000)).AddRaw(Bytes(1000));
            var r = Read(t.ToTarGz());
            AssertOnly(r, RuleCatalog.TarTruncated);
            var f = r.Of(RuleCatalog.TarTruncated).Single();
            Assert.Equal(0, f.MemberIndex);
            Assert.Contains("5000", f.Message);
            Assert.Contains("1000", f.Message);
            Assert.Equal(1000, r.Data[0].Length);
            Assert.False(r.Completed);
            Assert.NotNull(r.StopReason);
        }

        [Fact]
        public void PayloadCutShortIsTruncationWhenSkipped()
        {
            var t = Pax();
            t.AddHeader(t.NewHeader("demo-1.0/cut", '0', 5000)).AddRaw(Bytes(1000));
            var r = Read(t.ToArray(), readData: false);
            AssertOnly(r, RuleCatalog.TarTruncated);
        }

        [Fact]
        public void HeaderCutShortIsTruncation()
        {
            var t = Pax().AddFile("demo-1.0/a", "1").AddRaw(Bytes(100));
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarTruncated);
            Assert.Equal(FindingCollector.ArchiveLevel, r.Of(RuleCatalog.TarTruncated)[0].MemberIndex);
        }

        // ---- header fields

        [Fact]
        public void ChecksumErrorStopsReading()
        {
            var t = Pax().AddFile("demo-1.0/a", "1");
            var h = t.NewHeader("demo-1.0/b", '0', 1);
            h.CorruptChecksum = true;
            t.AddEntry(h, Bytes(1)).AddFile("demo-1.0/c", "3").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarHeaderChecksum);
            Assert.Single(r.Members);
            Assert.False(r.Completed);
        }

        [Fact]
        public void SignedChecksumIsAccepted()
        {
            var t = new TarCrafter(TarFlavor.Ustar);
            var h = t.NewHeader("demo-1.0/\u00e9", '0', 1);
            var bytes = h.ToBytes();
            long signedSum = 0;
            for (int i = 0; i < 512; i++) signedSum += (i >= 148 && i < 156) ? 32 : (sbyte)bytes[i];
            h.Checksum = (int)signedSum;
            t.AddEntry(h, Bytes(1)).Finish();
            var r = Read(t.ToArray());
            Assert.False(r.Has(RuleCatalog.TarHeaderChecksum), r.Describe());
        }

        [Fact]
        public void GarbageSizeFieldStopsReading()
        {
            var t = Pax();
            var h = t.NewHeader("demo-1.0/a", '0', 1);
            h.SizeText = "garbage";
            t.AddEntry(h, Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarInvalidHeaderField);
            Assert.Empty(r.Members);
            Assert.False(r.Completed);
        }

        [Fact]
        public void SpacePaddedSizeFieldIsFine()
        {
            var t = Pax();
            var h = t.NewHeader("demo-1.0/a", '0', 1);
            h.SizeText = "         1 ";
            t.AddEntry(h, Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertClean(r);
            Assert.Equal(1, r.Members[0].Size);
        }

        [Fact]
        public void GarbageModeFieldIsReportedButReadingContinues()
        {
            var t = Pax();
            var h = t.NewHeader("demo-1.0/a", '0', 1);
            h.Patch(100, Encoding.ASCII.GetBytes("rwxr-xr\0"));
            t.AddEntry(h, Bytes(1)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarInvalidHeaderField);
            Assert.Null(r.Members[0].Mode);
            Assert.Equal(2, r.Members.Count);
        }

        [Fact]
        public void Base256SizeIsAWarning()
        {
            var t = new TarCrafter(TarFlavor.Gnu);
            var h = t.NewHeader("demo-1.0/a", '0', 600);
            h.SizeBase256 = true;
            t.AddEntry(h, Bytes(600)).AddFile("demo-1.0/b", "2").Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarBase256Field);
            Assert.Equal(PySdistSeverity.Warning, RuleCatalog.TarBase256Field.Severity);
            Assert.Equal(600, r.Members[0].Size);
            Assert.Equal("demo-1.0/b", r.Members[1].Path);
        }

        [Fact]
        public void Base256UidIsAWarning()
        {
            var t = new TarCrafter(TarFlavor.Gnu);
            var h = t.NewHeader("demo-1.0/a", '0', 1);
            h.Uid = 5_000_000_000;
            h.UidBase256 = true;
            t.AddEntry(h, Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarBase256Field);
            Assert.Equal(5_000_000_000, r.Members[0].Uid);
        }

        [Fact]
        public void InvalidUtf8NameIsReported()
        {
            var t = new TarCrafter(TarFlavor.Ustar);
            var h = t.NewHeader("x", '0', 1);
            h.NameBytes = new byte[] { (byte)'d', (byte)'/', 0xC3, 0x28, (byte)'.', (byte)'p', (byte)'y' };
            t.AddEntry(h, Bytes(1)).Finish();
            var r = Read(t.ToArray());
            AssertOnly(r, RuleCatalog.TarNameNotUtf8);
            Assert.Contains('\uFFFD', r.Members[0].Path);
        }

        [Fact]
        public void ValidUtf8InUstarNameIsFine()
        {
            var t = new TarCrafter(TarFlavor.Gnu).AddFile("demo-1.0/\u00fcber.py", "1").Finish();
            var r = Read(t.ToArray());
            AssertClean(r);
            Assert.Equal("demo-1.0/\u00fcber.py", r.Members[0].Path);
        }
    }
}
