"""Peer benchmark: decode a TAP file with asn1tools (BER) from an ASN.1 module emitted from the schema.

Usage: python asn1tools_decode.py MODULE.asn FILE.tap
Prints one JSON line: seconds (compile excluded), events, bytes, maxrss_kb.
"""
import json
import resource
import sys
import time

import asn1tools


def main() -> None:
    spec_path, data_path = sys.argv[1], sys.argv[2]
    spec = asn1tools.compile_files([spec_path], codec="ber")
    with open(data_path, "rb") as f:
        data = f.read()
    start = time.perf_counter()
    kind, batch = spec.decode("DataInterChange", data)
    seconds = time.perf_counter() - start
    events = len(batch.get("callEventDetails", [])) if kind == "transferBatch" else 0
    print(json.dumps({
        "seconds": seconds,
        "events": events,
        "bytes": len(data),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
