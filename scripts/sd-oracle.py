#!/usr/bin/python3
"""Independent security-descriptor oracle for the writeback-wizard tests.

Converts between SDDL and self-relative binary security descriptors with
Samba's own code (samba.dcerpc.security + samba.ndr), so the Rust parser and
SDDL printer can be cross-checked against a second implementation.

Must run with Debian's /usr/bin/python3 (the one that has python3-samba);
a pyenv python3 earlier on PATH does not have the `samba` module.

Every mode is a batch filter: it reads one item per line on stdin and writes
exactly one line per input line to stdout (flushed after each line), so a test
can keep one process open and feed it many descriptors.  A line that cannot be
handled produces `ERROR: <message>` instead; the process keeps going.
Empty input lines produce empty output lines.

Modes (binary = hex by default, base64 with --base64):

  decode  [--domain-sid SID] [--base64]   binary SD  -> SDDL
          (as_sddl(domain_sid) when --domain-sid is given, else as_sddl())
  encode  [--domain-sid SID] [--base64]   SDDL       -> binary SD (ndr_pack)
          (--domain-sid resolves domain-relative aliases such as DA, DU, LA;
           without it the SID S-1-5-21-0-0-0 is used, so prefer passing it)
  protect [--base64]                      binary SD  -> binary SD
          sets SE_DACL_PROTECTED and turns every inherited DACL ACE into an
          explicit one ("disable inheritance, convert inherited permissions
          into explicit permissions"); the result prints as D:PAI(...)
  append  ACES [--domain-sid SID] [--base64]
                                          binary SD  -> binary SD
          inserts the ACEs given in SDDL form, e.g. "(OA;CIIO;CR;...;SID)",
          before the first inherited ACE of the DACL; an ACE that is already
          present as an explicit ACE is not added twice
  drop    SID [--base64]                  binary SD  -> binary SD
          removes every DACL ACE whose trustee is SID (explicit and inherited;
          the DC recomputes inherited ACEs on write anyway)
  sid     [--base64]                      binary SID -> S-1-... string
"""

import argparse
import base64
import binascii
import sys

try:
    from samba.dcerpc import security
    from samba.ndr import ndr_pack, ndr_unpack
except ImportError as exc:  # pragma: no cover - environment problem
    sys.stderr.write(
        "sd-oracle: cannot import samba (%s); run it with /usr/bin/python3 "
        "after installing python3-samba\n" % exc)
    sys.exit(2)

DEFAULT_DOMAIN_SID = "S-1-5-21-0-0-0"


def read_binary(line, use_b64):
    text = line.strip()
    if use_b64:
        return base64.b64decode(text, validate=True)
    text = "".join(text.split())
    if text[:2].lower() == "0x":
        text = text[2:]
    return binascii.unhexlify(text)


def write_binary(data, use_b64):
    if use_b64:
        return base64.b64encode(data).decode("ascii")
    return data.hex()


def unpack_sd(data):
    sd = ndr_unpack(security.descriptor, data)
    return sd


def ace_key(ace):
    """A byte string that identifies an ACE (for duplicate detection)."""
    return ndr_pack(ace)


def do_decode(args):
    dom = security.dom_sid(args.domain_sid) if args.domain_sid else None

    def fn(line):
        sd = unpack_sd(read_binary(line, args.base64))
        return sd.as_sddl(dom) if dom is not None else sd.as_sddl()
    return fn


def do_encode(args):
    dom = security.dom_sid(args.domain_sid or DEFAULT_DOMAIN_SID)

    def fn(line):
        sd = security.descriptor.from_sddl(line.strip(), dom)
        return write_binary(ndr_pack(sd), args.base64)
    return fn


def do_protect(args):
    def fn(line):
        sd = unpack_sd(read_binary(line, args.base64))
        if sd.dacl is None:
            raise ValueError("descriptor has no DACL")
        for ace in sd.dacl.aces:
            ace.flags &= ~security.SEC_ACE_FLAG_INHERITED_ACE
        sd.type |= (security.SEC_DESC_DACL_PROTECTED |
                    security.SEC_DESC_DACL_PRESENT)
        return write_binary(ndr_pack(sd), args.base64)
    return fn


def dacl_summary(sd):
    """(packed ACEs, inherited? flags) of the DACL, as plain Python values.

    Python objects for the ACEs are not kept: while one exists, talloc holds a
    reference into the ACE array and dacl_add()'s realloc then fails with
    NT_STATUS_NO_MEMORY.
    """
    keys, inherited = [], []
    for ace in sd.dacl.aces:
        keys.append(ace_key(ace))
        inherited.append(bool(ace.flags & security.SEC_ACE_FLAG_INHERITED_ACE))
    return keys, inherited


def do_append(args):
    dom = security.dom_sid(args.domain_sid or DEFAULT_DOMAIN_SID)
    text = args.aces.strip()
    if not text.startswith("D:"):
        text = "D:" + text
    new_packed = [ace_key(a) for a in
                  security.descriptor.from_sddl(text, dom).dacl.aces]
    if not new_packed:
        raise SystemExit("sd-oracle: append: no ACEs in %r" % args.aces)

    def fn(line):
        sd = unpack_sd(read_binary(line, args.base64))
        if sd.dacl is None:
            raise ValueError("descriptor has no DACL")
        keys, inherited = dacl_summary(sd)
        present = set(k for k, inh in zip(keys, inherited) if not inh)
        pos = inherited.index(True) if True in inherited else len(keys)
        for packed in new_packed:
            if packed in present:
                continue
            present.add(packed)
            sd.dacl_add(ndr_unpack(security.ace, packed), pos)
            pos += 1
        return write_binary(ndr_pack(sd), args.base64)
    return fn


def do_drop(args):
    victim = security.dom_sid(args.sid)

    def fn(line):
        sd = unpack_sd(read_binary(line, args.base64))
        if sd.dacl is not None:
            if any(str(a.trustee) == str(victim) for a in sd.dacl.aces):
                sd.dacl_del(victim)  # removes every ACE of that trustee
        return write_binary(ndr_pack(sd), args.base64)
    return fn


def do_sid(args):
    def fn(line):
        return str(ndr_unpack(security.dom_sid,
                              read_binary(line, args.base64)))
    return fn


def main():
    p = argparse.ArgumentParser(
        prog="sd-oracle.py",
        description="SDDL <-> binary security descriptor oracle (Samba)")
    sub = p.add_subparsers(dest="mode", required=True)

    def common(sp, domain=True):
        if domain:
            sp.add_argument("--domain-sid", metavar="SID")
        sp.add_argument("--base64", action="store_true",
                        help="binary values are base64 instead of hex")

    common(sub.add_parser("decode", help="binary SD -> SDDL"))
    common(sub.add_parser("encode", help="SDDL -> binary SD"))
    common(sub.add_parser("protect", help="protect DACL, inherited->explicit"),
           domain=False)
    sp = sub.add_parser("append", help="insert ACEs before inherited ones")
    sp.add_argument("aces", metavar="ACES")
    common(sp)
    sp = sub.add_parser("drop", help="remove all DACL ACEs of one trustee")
    sp.add_argument("sid", metavar="SID")
    common(sp, domain=False)
    common(sub.add_parser("sid", help="binary SID -> string"), domain=False)

    args = p.parse_args()
    fn = {
        "decode": do_decode, "encode": do_encode, "protect": do_protect,
        "append": do_append, "drop": do_drop, "sid": do_sid,
    }[args.mode](args)

    out = sys.stdout
    while True:
        raw = sys.stdin.readline()
        if not raw:
            break
        line = raw.rstrip("\r\n")
        if not line.strip():
            out.write("\n")
        else:
            try:
                result = fn(line)
            except Exception as exc:  # one ERROR line per bad input line
                msg = str(exc) or type(exc).__name__
                result = "ERROR: " + " ".join(msg.split())
            out.write(result + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
