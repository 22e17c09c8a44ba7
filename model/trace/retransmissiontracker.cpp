// SPDX-License-Identifier: GPL-3.0-or-later
#include "retransmissiontracker.h"

#include "tcpsegment.h"

bool RetransmissionTracker::observe(const TcpSegment &s)
{
    const FlowKey key {s.srcAddr, s.dstAddr, s.srcPort, s.dstPort};
    const quint32 length = s.sequenceLength();
    const quint32 end = s.seq + length;
    auto it = m_flows.find(key);
    if (s.flags & TcpFlag::Syn) {
        // A SYN with another ISN starts a new incarnation of the connection (e.g. after TIME_WAIT).
        if (it == m_flows.end() || !it->sawSyn || it->isn != s.seq) {
            m_flows.insert(key, Flow {s.seq, end, true, (s.flags & TcpFlag::Ack) != 0});
            return false;
        }
        // In a simultaneous open each side answers the other's SYN with SYN, ACK on its own ISN
        // (RFC 9293, fig. 8): the first such SYN, ACK after a plain SYN is that answer, not a resend.
        if ((s.flags & TcpFlag::Ack) && !it->sawSynAck) {
            it->sawSynAck = true;
            return false;
        }
    } else if (it == m_flows.end()) {
        m_flows.insert(key, Flow {s.seq, end, false});
        return false;
    }
    if (length == 0) return false; // a pure ACK (or RST) occupies no sequence space: it cannot repeat any
    const bool repeat = seqLess(s.seq, it->highestEnd);
    if (seqLess(it->highestEnd, end)) it->highestEnd = end;
    return repeat;
}
