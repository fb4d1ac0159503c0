/*
 * bcryptprimitives-shim.c — a test-only stand-in for Windows' bcryptprimitives.dll, for Wine 8.
 *
 * Rust's standard library (1.78 and later) gets its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which Wine 8 does not have, so every Rust exe fails to start there.
 * This DLL exports ProcessPrng and fills the buffer with RtlGenRandom (advapi32's
 * SystemFunction036). packaging/wine-smoke builds it into a throwaway Wine prefix's system32:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives-shim.c -ladvapi32
 * It is never shipped: real Windows 10 and later have the DLL.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
        DisableThreadLibraryCalls(instance);
    return TRUE;
}
