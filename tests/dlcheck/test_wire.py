"""The data-only message format: what survives a round trip, and what never gets built."""

import json
import struct

import numpy as np
import pytest

from dlcheck import wire


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, "text", [1, 2.0], (1, "a"), {"dw": np.ones((2, 1)), "db": 0.5},
    np.arange(6, dtype=np.int32).reshape(2, 3), np.float64(1.25), np.bool_(True), 1 + 2j,
    np.zeros((0, 3)),
], ids=["none", "bool", "int", "float", "str", "list", "tuple", "dict", "int-array", "np-float", "np-bool",
        "complex", "empty-array"])
def test_round_trip_keeps_type_shape_and_value(value):
    """Does every kind of data come back as the same type with the same value?"""
    back = wire.decode(wire.encode(value))
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
    elif isinstance(value, dict):
        assert set(back) == set(value) and np.array_equal(back["dw"], value["dw"])
    else:
        assert back == value


def test_non_finite_floats_survive():
    """Are nan and inf sent as numbers, not rejected by strict JSON?"""
    back = wire.decode(wire.encode([float("nan"), float("inf")]))
    assert np.isnan(back[0]) and back[1] == float("inf")


class _Liar(np.ndarray):
    def __eq__(self, other):
        return True


class _Evil:
    def __reduce__(self):
        return (print, ("this must never run",))


@pytest.mark.parametrize("value", [np.ones(3).view(_Liar), _Evil(), type("MyInt", (int,), {})(3),
                                   np.array([object()], dtype=object)],
                         ids=["ndarray-subclass", "reduce-hook", "int-subclass", "object-array"])
def test_objects_that_are_not_plain_data_arrive_as_unsupported(value):
    """Does an object that could lie about equality or run code arrive as a mere type name?"""
    back = wire.decode(wire.encode(value))
    assert isinstance(back, wire.Unsupported)


def test_forged_frame_with_object_dtype_is_rejected():
    """Can a forged message make the grader build an object array? (It must not.)"""
    doc = json.dumps({"$t": "nd", "i": 0, "dtype": "|O", "shape": [1]}).encode()
    frame = struct.pack(">I", len(doc)) + doc + struct.pack(">I", 1) + struct.pack(">Q", 8) + b"\0" * 8
    with pytest.raises(wire.WireError):
        wire.decode(frame)


def test_untagged_json_object_is_rejected():
    """Is a plain JSON object (say, printed by a student) refused rather than trusted?"""
    doc = json.dumps({"score": 100}).encode()
    with pytest.raises(wire.WireError):
        wire.decode(struct.pack(">I", len(doc)) + doc + struct.pack(">I", 0))


def test_inline_json_form_round_trips():
    """Do the recorded expected values (inline JSON) read back exactly?"""
    value = {"a": (np.linspace(0, 1, 7).reshape(7, 1), 2, np.float64(0.1))}
    back = wire.from_json(json.loads(json.dumps(wire.to_json(value))))
    assert np.array_equal(back["a"][0], value["a"][0]) and back["a"][1:] == value["a"][1:]


# -- framing ----------------------------------------------------------------------------

def _pair():
    import socket

    a, b = socket.socketpair()
    return wire.Channel(a), wire.Channel(b)


def test_channel_carries_messages_both_ways():
    """Does a message sent on one end arrive whole on the other, arrays included?"""
    left, right = _pair()
    left.send({"op": "call", "args": [np.arange(5.0)]})
    got = right.receive()
    assert got["op"] == "call" and np.array_equal(got["args"][0], np.arange(5.0))


def test_channel_refuses_a_message_over_its_limit_unread():
    """Is a frame announcing more than the receiver's limit refused before it is read?"""
    import socket

    a, b = socket.socketpair()
    receiver = wire.Channel(b, limit=1000)
    a.sendall((10**6).to_bytes(8, "big"))
    with pytest.raises(wire.WireError, match="limit is 1000"):
        receiver.receive()


def test_channel_turns_a_forged_frame_into_a_wire_error():
    """Does garbage with a plausible length arrive as WireError, never struct.error or KeyError?"""
    import socket

    a, b = socket.socketpair()
    body = b"\x00\x00\x00\x05hello"
    a.sendall(len(body).to_bytes(8, "big") + body)
    with pytest.raises(wire.WireError):
        wire.Channel(b).receive()


def test_channel_waits_no_longer_than_its_deadline():
    """Does a receive with a deadline give up with TimeoutError when nothing comes?"""
    import time

    _, right = _pair()
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        right.receive(deadline=time.monotonic() + 0.2)
    assert time.monotonic() - start < 2


def test_frames_without_shared_arrays_keep_their_layout():
    """Is a message encoded without a table of shared arrays the documented frame, byte
    for byte (the reference cache keys its entries by these bytes)?"""
    value = np.arange(3.0)
    doc = json.dumps({"$t": "nd", "i": 0, "dtype": "<f8", "shape": [3]}).encode()
    expected = (struct.pack(">I", len(doc)) + doc + struct.pack(">I", 1) + struct.pack(">Q", 24)
                + value.tobytes())
    assert wire.encode(value) == expected


def test_array_larger_than_its_frame_is_refused_before_it_is_allocated():
    """Can a forged frame announce a huge shape and make the reader allocate it? (It is
    refused against the frame's own size first.)"""
    doc = json.dumps({"$t": "nd", "i": 0, "dtype": "<f8", "shape": [10**6, 10**6]}).encode()
    frame = struct.pack(">I", len(doc)) + doc + struct.pack(">I", 1) + struct.pack(">Q", 8) + bytes(8)
    with pytest.raises(wire.WireError):
        wire.decode(frame)
