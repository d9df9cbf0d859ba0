using System;
using System.Globalization;

namespace PyPackaging.Core.Tests.Standards
{
    /// <summary>
    /// Runs code under tr-TR (the culture where "I".ToLower() is a dotless i). The test projects use
    /// InvariantGlobalization, where tr-TR may not be creatable; then the scope still switches to a distinct
    /// culture object and <see cref="IsTurkish"/> says which one is in force.
    /// </summary>
    internal sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        public CultureScope(string name)
        {
            _culture = CultureInfo.CurrentCulture;
            _uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo target;
            try
            {
                target = new CultureInfo(name);
                IsTurkish = true;
            }
            catch (CultureNotFoundException)
            {
                target = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            }
            CultureInfo.CurrentCulture = target;
            CultureInfo.CurrentUICulture = target;
        }

        public bool IsTurkish { get; }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
