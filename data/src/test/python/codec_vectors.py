#!/usr/bin/python3
"""Cross-check vectors between frontier.zarr.codec (Java) and numcodecs (Debian python3-numcodecs).

  codec_vectors.py write DIR   numcodecs encodes the whole matrix: DIR/manifest.json lists the cases
                               ({name, config, itemsize, lossy}); DIR/<name>.raw is the input,
                               DIR/<name>.enc numcodecs' encoding, DIR/<name>.dec (lossy filters only)
                               numcodecs' decoding of it.
  codec_vectors.py check DIR   for every case with a DIR/<name>.java (Java's encoding of <name>.raw),
                               numcodecs decodes it and compares with decode(encode(raw)); prints
                               'OK name' or 'FAIL name: why' per case and exits 1 if any failed.

Blosc frames whose length is not a multiple of the item size come from python3-blosc (same libblosc).
"""
import json
import os
import sys

import numpy as np
import numcodecs
from numcodecs import blosc as nblosc

try:
    import blosc as pyblosc
except ImportError:  # odd-length blosc cases need python3-blosc
    pyblosc = None

CNAMES = ['blosclz', 'lz4', 'lz4hc', 'snappy', 'zlib', 'zstd']
SIZES = [0, 1, 7, 127, 128, 1001, 50003, 300000]


def smooth_bytes(nbytes, ts, seed):
    """Image-like data: a slow ramp plus small noise, as little-endian unsigned ints of ts bytes."""
    rng = np.random.default_rng(seed)
    n = -(-nbytes // ts) if nbytes else 0
    vals = (np.arange(n) * 7 % 5000) + rng.integers(0, 8, n)
    dt = {1: '<u1', 2: '<u2', 4: '<u4', 8: '<u8'}[ts]
    return vals.astype(dt).tobytes()[:nbytes]


def random_bytes(nbytes, seed):
    return np.random.default_rng(seed).integers(0, 256, nbytes, dtype=np.uint8).tobytes()


def blosc_encode(raw, ts, cname, clevel, shuffle, blocksize):
    if len(raw) % ts == 0:
        arr = np.frombuffer(raw, dtype=f'V{ts}')
        return numcodecs.Blosc(cname=cname, clevel=clevel, shuffle=shuffle, blocksize=blocksize).encode(arr)
    if pyblosc is None:
        return None
    pyblosc.set_blocksize(blocksize)
    try:
        return pyblosc.compress(raw, typesize=ts, clevel=clevel, shuffle=shuffle, cname=cname)
    finally:
        pyblosc.set_blocksize(0)


def cases():
    """Yields (name, config, itemsize, raw, lossy)."""
    seed = 0
    for cname in CNAMES:
        for shuffle in (0, 1, 2):
            for ts in (1, 2, 4, 8):
                for size in SIZES:
                    for clevel in ((5,) if size > 100000 else (0, 5)):
                        seed += 1
                        cfg = {'id': 'blosc', 'cname': cname, 'clevel': clevel, 'shuffle': shuffle, 'blocksize': 0}
                        yield (f'blosc-{cname}-s{shuffle}-t{ts}-n{size}-c{clevel}', cfg, ts,
                               smooth_bytes(size, ts, seed), False)
                # several blocks for wide types, incompressible data, forced block sizes, clevel 9
                seed += 1
                if shuffle == 1:
                    yield (f'blosc-{cname}-s{shuffle}-t8-n1100000-c5', dict(id='blosc', cname=cname, clevel=5, shuffle=shuffle, blocksize=0),
                           8, smooth_bytes(1100000, 8, seed), False)
                yield (f'blosc-{cname}-s{shuffle}-t4-n50003-c5-random', dict(id='blosc', cname=cname, clevel=5, shuffle=shuffle, blocksize=0),
                       4, random_bytes(50003, seed), False)
                yield (f'blosc-{cname}-s{shuffle}-t2-n100000-c9-bs4096', dict(id='blosc', cname=cname, clevel=9, shuffle=shuffle, blocksize=4096),
                       2, smooth_bytes(100000, 2, seed), False)
                yield (f'blosc-{cname}-s{shuffle}-t4-n100000-c1', dict(id='blosc', cname=cname, clevel=1, shuffle=shuffle, blocksize=0),
                       4, smooth_bytes(100000, 4, seed), False)
    yield ('blosc-lz4-auto-t1-n10000', dict(id='blosc', cname='lz4', clevel=5, shuffle=-1, blocksize=0), 1, smooth_bytes(10000, 1, 7), False)
    yield ('blosc-lz4-auto-t2-n10000', dict(id='blosc', cname='lz4', clevel=5, shuffle=-1, blocksize=0), 2, smooth_bytes(10000, 2, 7), False)
    yield ('blosc-lz4-t16-n64000', dict(id='blosc', cname='lz4', clevel=5, shuffle=1, blocksize=0), 16, smooth_bytes(64000, 8, 9), False)
    yield ('blosc-blosclz-t3-n30000', dict(id='blosc', cname='blosclz', clevel=5, shuffle=1, blocksize=0), 3, smooth_bytes(30000, 1, 9), False)
    # plain compressors
    for size in (0, 1, 1000, 100000):
        seed += 1
        raw = smooth_bytes(size, 2, seed)
        for cfg in (dict(id='zlib', level=1), dict(id='zlib', level=9), dict(id='gzip', level=1), dict(id='gzip', level=9),
                    dict(id='zstd', level=1), dict(id='zstd', level=9), dict(id='lz4', acceleration=1), dict(id='lz4', acceleration=10),
                    dict(id='bz2', level=1), dict(id='bz2', level=9),
                    dict(id='lzma', format=1, check=-1, preset=None, filters=None),
                    dict(id='lzma', format=1, check=0, preset=1, filters=None),
                    dict(id='lzma', format=1, check=10, preset=6, filters=None),
                    dict(id='lzma', format=2, check=-1, preset=None, filters=None)):
            tag = '-'.join(str(v) for k, v in cfg.items() if k != 'id' and v is not None)
            yield (f"{cfg['id']}-{tag}-n{size}", cfg, 2, raw, False)
    # filters
    rng = np.random.default_rng(42)
    ramp = np.cumsum(rng.integers(-3, 4, 1000))
    for dt, at in (('<i4', '<i4'), ('<u2', '<i2'), ('>i8', '<i2'), ('<f8', '<f8'), ('<i2', '>i4'), ('|u1', '|u1'), ('<f4', '<f4')):
        raw = (ramp + 100).astype(dt).tobytes()
        yield (f'delta-{dt}-{at}'.replace('<', 'L').replace('>', 'B').replace('|', 'N'),
               dict(id='delta', dtype=dt, astype=at), np.dtype(dt).itemsize, raw, False)
    floats = 1000 + np.cumsum(rng.normal(0, 0.37, 1000))
    for dt, at, off, sc in (('<f8', '<u2', 900, 10), ('<f4', '|u1', 990, 2), ('<f8', '<i4', 1000.5, 1000), ('>f8', '>u2', 900, 10), ('<i4', '<i2', 1000, 1)):
        raw = floats.astype(dt).tobytes()
        yield (f'fixedscaleoffset-{dt}-{at}-{off}-{sc}'.replace('<', 'L').replace('>', 'B').replace('|', 'N'),
               dict(id='fixedscaleoffset', scale=sc, offset=off, dtype=dt, astype=at), np.dtype(dt).itemsize, raw, True)
    for dec, enc in (('<f8', '<f4'), ('<i4', '<i2'), ('<u2', '>u2'), ('<f4', '<f8'), ('<i8', '<f8'), ('<f8', '<i4'), ('|u1', '<u2')):
        raw = (floats - 990).astype(dec).tobytes()
        yield (f'astype-{dec}-{enc}'.replace('<', 'L').replace('>', 'B').replace('|', 'N'),
               dict(id='astype', encode_dtype=enc, decode_dtype=dec), np.dtype(dec).itemsize, raw, True)
    for es in (1, 2, 4, 8, 3):
        raw = smooth_bytes(es * 1000, 1, es)
        yield (f'shuffle-{es}', dict(id='shuffle', elementsize=es), es, raw, False)
    for cid in ('crc32', 'adler32'):
        for size in (0, 1, 5000):
            yield (f'{cid}-n{size}', dict(id=cid), 1, random_bytes(size, size), False)
    for dt, at, digits in (('<f8', '<f8', 1), ('<f8', '<f4', 3), ('<f4', '<f4', 2), ('>f8', '<f8', 0), ('<f8', '<f2', 1)):
        raw = floats.astype(dt).tobytes()
        yield (f'quantize-{dt}-{at}-{digits}'.replace('<', 'L').replace('>', 'B').replace('|', 'N'),
               dict(id='quantize', digits=digits, dtype=dt, astype=at), np.dtype(dt).itemsize, raw, True)
    for n in (0, 1, 8, 13, 1000):
        raw = (rng.integers(0, 2, n) > 0).tobytes()
        yield (f'packbits-n{n}', dict(id='packbits'), 1, raw, False)


def numcodecs_encode(cfg, itemsize, raw):
    if cfg['id'] == 'blosc':
        return blosc_encode(raw, itemsize, cfg['cname'], cfg['clevel'], cfg['shuffle'], cfg['blocksize'])
    codec = numcodecs.get_codec(dict(cfg))
    if cfg['id'] in ('delta', 'fixedscaleoffset', 'quantize'):
        arr = np.frombuffer(raw, dtype=cfg['dtype'])
    elif cfg['id'] == 'astype':
        arr = np.frombuffer(raw, dtype=cfg['decode_dtype'])
    elif cfg['id'] == 'packbits':
        arr = np.frombuffer(raw, dtype=bool)
    else:
        arr = np.frombuffer(raw, dtype='u1')
    with np.errstate(all='ignore'):
        return codec.encode(arr)


def to_bytes(x):
    return np.ascontiguousarray(x).tobytes() if isinstance(x, np.ndarray) else bytes(x)


def write(d):
    os.makedirs(d, exist_ok=True)
    manifest = []
    for name, cfg, itemsize, raw, lossy in cases():
        enc = numcodecs_encode(cfg, itemsize, raw)
        if enc is None:
            print(f'SKIP {name}: python3-blosc missing', file=sys.stderr)
            continue
        enc = to_bytes(enc)
        with open(os.path.join(d, name + '.raw'), 'wb') as f:
            f.write(raw)
        with open(os.path.join(d, name + '.enc'), 'wb') as f:
            f.write(enc)
        if lossy:
            with open(os.path.join(d, name + '.dec'), 'wb') as f:
                f.write(to_bytes(numcodecs.get_codec(dict(cfg)).decode(enc)))
        manifest.append(dict(name=name, config=cfg, itemsize=itemsize, lossy=lossy))
    with open(os.path.join(d, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    print(f'wrote {len(manifest)} cases to {d}')


def peer_cannot_decode(cfg, itemsize, raw):
    """numcodecs 0.11 fails on its own empty blosc/zstd/lz4 buffers; such cases cannot be checked by decoding."""
    try:
        numcodecs.get_codec(dict(cfg)).decode(to_bytes(numcodecs_encode(cfg, itemsize, raw)))
        return False
    except Exception:
        return True


def check(d):
    with open(os.path.join(d, 'manifest.json')) as f:
        manifest = json.load(f)
    failed = checked = 0
    for case in manifest:
        name, cfg = case['name'], case['config']
        path = os.path.join(d, name + '.java')
        if not os.path.exists(path):
            continue
        checked += 1
        with open(os.path.join(d, name + '.raw'), 'rb') as f:
            raw = f.read()
        with open(path, 'rb') as f:
            ours = f.read()
        codec = numcodecs.get_codec(dict(cfg))
        try:
            if cfg['id'] == 'blosc':
                # validate the frame the way libblosc does before trusting it
                nbytes, cbytes, blocksize = nblosc.cbuffer_sizes(ours)
                if cbytes != len(ours) or nbytes != len(raw):
                    raise ValueError(f'header sizes nbytes={nbytes} cbytes={cbytes} for {len(ours)} bytes / raw {len(raw)}')
                # the same choices as c-blosc: typesize, blocksize, shuffle and split flags, codec
                theirs = to_bytes(numcodecs_encode(cfg, case['itemsize'], raw))
                if ours[3] != theirs[3] or ours[8:12] != theirs[8:12] or (ours[2] | 2) != (theirs[2] | 2):
                    raise ValueError(f'header differs from c-blosc: ours {ours[:16].hex()} theirs {theirs[:16].hex()}')
            got = to_bytes(codec.decode(ours))
            if case['lossy']:
                theirs = to_bytes(numcodecs_encode(cfg, case['itemsize'], raw))
                expected = to_bytes(codec.decode(theirs))
                if ours != theirs:
                    raise ValueError(f'encoded bytes differ from numcodecs ({len(ours)} vs {len(theirs)} bytes)')
            else:
                expected = raw
            if got != expected:
                raise ValueError(f'decoded {len(got)} bytes differ from the expected {len(expected)} bytes')
            print(f'OK {name}')
        except Exception as e:  # report every case, then fail
            if peer_cannot_decode(cfg, case['itemsize'], raw):
                print(f'OK {name} (numcodecs cannot decode even its own encoding of this input: {e})')
                continue
            failed += 1
            print(f'FAIL {name}: {type(e).__name__}: {e}')
    print(f'checked {checked} cases, {failed} failed')
    sys.exit(1 if failed or not checked else 0)


if __name__ == '__main__':
    {'write': write, 'check': check}[sys.argv[1]](sys.argv[2])
