#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the malformed captures that tst_capturecorpus replays on every run (and that seed the
# fuzz target). Run it from this folder; the files are committed, so tests need no Python.
import struct

def pcap_header(linktype=1, snaplen=262144, magic=0xa1b23c4d):
    return struct.pack('<IHHiIII', magic, 2, 4, 0, 0, snaplen, linktype)

def record(data, t=0, caplen=None, origlen=None):
    caplen = len(data) if caplen is None else caplen
    origlen = len(data) if origlen is None else origlen
    return struct.pack('<IIII', 1700000000 + t, 0, caplen, origlen) + data

def ipv4_tcp(flags=0x02, ihl=5, offset=5, payload=b'', proto=6):
    tcp = struct.pack('>HHIIBBHHH', 40000, 80, 1000, 0, offset << 4, flags, 502, 0, 0) + payload
    ip = struct.pack('>BBHHHBBH4s4s', 0x40 | ihl, 0, 20 + len(tcp), 0, 0x4000, 64, proto, 0,
                     bytes([10, 1, 0, 1]), bytes([10, 1, 0, 2]))
    return ip + tcp

def ether(ip, ethertype=0x0800):
    return bytes.fromhex('020000000002020000000001') + struct.pack('>H', ethertype) + ip

def block(btype, body):
    length = 12 + len(body)
    return struct.pack('<II', btype, length) + body + struct.pack('<I', length)

def shb():
    return block(0x0a0d0d0a, struct.pack('<IHHq', 0x1a2b3c4d, 1, 0, -1))

def idb(linktype, options=b''):
    return block(1, struct.pack('<HHI', linktype, 0, 262144) + options)

def epb(interface, data):
    pad = (-len(data)) % 4
    return block(6, struct.pack('<IIIII', interface, 0, 0, len(data), len(data)) + data + b'\0' * pad)

def write(name, data):
    with open(name, 'wb') as f:
        f.write(data)

good = ether(ipv4_tcp())
write('empty.pcap', b'')
write('garbage.pcap', b'This is a text file, not a capture.\n' * 3)
write('header-only-10-bytes.pcap', pcap_header()[:10])
write('truncated-record.pcap', pcap_header() + record(good)[:30])
write('absurd-caplen.pcap', pcap_header() + struct.pack('<IIII', 1700000000, 0, 0xfffffff0, 0xfffffff0) + good)
write('unsupported-linktype.pcap', pcap_header(linktype=147) + record(good))
write('snaplen-cuts-tcp.pcap', pcap_header(snaplen=40) + record(good[:40], caplen=40, origlen=len(good)))
write('snaplen-cuts-ethernet.pcap', pcap_header(snaplen=10) + record(good[:10], caplen=10, origlen=len(good)))
write('bad-ihl.pcap', pcap_header() + record(ether(ipv4_tcp(ihl=2))))
write('bad-tcp-offset.pcap', pcap_header() + record(ether(ipv4_tcp(offset=1))))
write('runt-ethernet-frame.pcap', pcap_header() + record(good[:9]))
write('not-tcp.pcap', pcap_header() + record(ether(ipv4_tcp(proto=17))))
write('arp-only.pcap', pcap_header() + record(ether(b'\0' * 28, 0x0806)))
write('null-unknown-family.pcap', pcap_header(linktype=0) + record(struct.pack('<I', 99) + ipv4_tcp()))
# IPv6 whose hop-by-hop header claims more bytes than the packet has.
v6 = struct.pack('>IHBB16s16s', 0x60000000, 8, 0, 64, b'\x20\x01\x0d\xb8' + b'\0' * 11 + b'\1',
                 b'\x20\x01\x0d\xb8' + b'\0' * 11 + b'\2') + bytes([6, 200, 0, 0, 0, 0, 0, 0])
write('ipv6-extension-past-end.pcap', pcap_header(linktype=101) + record(v6))
write('ipv6-jumbo-zero-length.pcap', pcap_header(linktype=101) + record(v6[:4] + b'\0\0' + v6[6:]))
# pcapng
write('pcapng-truncated-block.pcapng', shb() + idb(1) + epb(0, good)[:-20])
write('pcapng-block-length-13.pcapng', shb() + idb(1) + struct.pack('<II', 6, 13) + b'\0' * 16)
write('pcapng-bad-byte-order.pcapng', struct.pack('<II', 0x0a0d0d0a, 28) + b'\x11\x22\x33\x44' + b'\0' * 12 + struct.pack('<I', 28))
# Mixed link types (SynScope's own pcapng reader) with damage libpcap never gets to see.
write('pcapng-mixed-truncated.pcapng', shb() + idb(1) + idb(113) + epb(0, good) + epb(1, good)[:-8])
write('pcapng-mixed-unknown-interface.pcapng', shb() + idb(1) + idb(113) + epb(5, good))
write('pcapng-mixed-unsupported-link.pcapng', shb() + idb(1) + idb(147) + epb(1, good))
write('pcapng-mixed-caplen-past-block.pcapng',
      shb() + idb(1) + idb(113) + block(6, struct.pack('<IIIII', 0, 0, 0, 5000, 5000) + good + b'\0\0'))
write('pcapng-mixed-huge-tsresol.pcapng', shb() + idb(1, struct.pack('<HH', 9, 1) + b'\x7f\0\0\0') + idb(113) + epb(0, good))
write('pcapng-mixed-ok.pcapng', shb() + idb(1) + idb(113) + epb(0, good) + epb(1, bytes(14) + b'\x08\x00' + ipv4_tcp(flags=0x12)))
# Found by UBSan (issue 13): an if_tsresol of seconds with a timestamp no 64-bit nanosecond count
# holds (a signed overflow), and an interface option whose length runs far past its block.
write('pcapng-mixed-time-overflow.pcapng',
      shb() + idb(1, struct.pack('<HH', 9, 1) + b'\0\0\0\0') + idb(113)
      + block(6, struct.pack('<IIIII', 0, 0x40000000, 0, len(good), len(good)) + good + b'\0\0'))
write('pcapng-mixed-option-ffff.pcapng',
      shb() + idb(1, struct.pack('<HH', 2, 0xffff) + b'eth0') + idb(113) + epb(0, good))
# A window-scale option of 235 (RFC 7323 says: use 14): the shift must not reach past 31 bits.
def tcp_ws(sport, dport, seq, ack, flags, shift, window):
    opts = bytes([3, 3, shift, 1])
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 6 << 4, flags, window, 0, 0) + opts
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 0, 0x4000, 64, 6, 0,
                     bytes([10, 1, 0, 1]) if sport == 40000 else bytes([10, 1, 0, 2]),
                     bytes([10, 1, 0, 2]) if sport == 40000 else bytes([10, 1, 0, 1]))
    return ether(ip + tcp)
def ack_seg(sport, dport, seq, ack, window):
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 5 << 4, 0x10, window, 0, 0)
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 40, 0, 0x4000, 64, 6, 0,
                     bytes([10, 1, 0, 1]) if sport == 40000 else bytes([10, 1, 0, 2]),
                     bytes([10, 1, 0, 2]) if sport == 40000 else bytes([10, 1, 0, 1]))
    return ether(ip + tcp)
write('window-scale-235.pcap', pcap_header()
      + record(tcp_ws(40000, 80, 1000, 0, 0x02, 235, 64240), 0)
      + record(tcp_ws(80, 40000, 5000, 1001, 0x12, 235, 65535), 1)
      + record(ack_seg(40000, 80, 1001, 5001, 65535), 2)
      + record(ack_seg(80, 40000, 5001, 1001, 65535), 3))
