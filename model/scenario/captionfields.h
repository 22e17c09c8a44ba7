// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class SegmentLabeler;
class Trace;

// Numbers a scenario's caption states that differ from run to run, or from kernel to kernel, are
// not written by hand: the caption names a field and the recording fills it in from what the
// kernels did in that step. The fields:
//   {win:client}, {win:server}   the receive window announced by the first segment that side sent
//                                in the step, in bytes ("1408 bytes")
//   {resend:client}, {resend:server}  how long after its first copy that side's kernel resent a
//                                segment in the step
//   {options:client}, {options:server}  the TCP options of the first SYN that side sent in the step
//                                ("mss 1460, wscale 7, sackOK, TS", or "no options") ("1.0 s", "204 ms")
//   {again:client}, {again:server}  how long after its previous copy, resent or not, that side's
//                                kernel resent a segment in the step: the timeout it waited this time
//   {delack:client}, {delack:server}  how long after the wire delivered the other side's latest
//                                segment that side sent its first ACK without data in the step
//   {addr:client}, {addr:server}  that host's address, which depends on the lab's IP version
//                                ("10.0.0.2", "fd00::2")
// A field the step did not produce is shown as "…" (and a recording whose expectations hold always
// produces it).
namespace CaptionFields {
// The first "{name:argument}" of `caption` that is not a field above; empty when there is none
// (other braces are text).
QString unknownField(const QString &caption);
// `caption` with its fields filled in from the trace events [first, end) of the step; `labels` is
// the caller's labeler of that trace, brought up to date (it knows each connection's window scale).
QString fill(const QString &caption, const Trace &trace, const SegmentLabeler &labels, qsizetype first, qsizetype end);
// Whether `caption` holds any field.
bool hasFields(const QString &caption);
// Whether `filled` is `caption` with its fields filled in, whatever the values (and the language
// they were written in): a recording's caption told apart from another version of its template.
bool isFilledFrom(const QString &caption, const QString &filled);
} // namespace CaptionFields
