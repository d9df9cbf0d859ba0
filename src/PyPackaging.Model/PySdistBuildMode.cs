namespace PyPackaging
{
    /// <summary>Build-PySdist -Backend: how the sdist is built.</summary>
    public enum PySdistBuildMode
    {
        /// <summary>Native when the native build reproduces the project (hatchling, flit_core, pdm-backend or uv_build with static [project] metadata), else Project.</summary>
        Auto = 0,

        /// <summary>Built by PyPackaging itself, without Python.</summary>
        Native = 1,

        /// <summary>The project's own PEP 517 backend, run on a clean copy of its source files.</summary>
        Project = 2,
    }
}
