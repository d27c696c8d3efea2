"""The data-only message format: what survives a round trip, and what never gets built."""

import contextlib
import json
import struct
import time

import numpy as np
import pytest

from dlcheck import wire
from dlcheck.formulas import Polynomial


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


def test_frames_written_together_or_byte_by_byte_are_read_apart():
    """Does the channel's read-ahead keep frame boundaries, whether several frames come in
    one write (a small one, one with a 1 MB array, a small one) or one comes a byte at a
    time?"""
    import socket
    import threading

    a, b = socket.socketpair()
    big = np.arange(2**17, dtype=np.float64)
    frames = [wire.encode(v) for v in ({"n": 1}, {"x": big}, [2, 3])]
    data = b"".join(len(f).to_bytes(8, "big") + f for f in frames)
    writer = threading.Thread(target=a.sendall, args=(data,))
    writer.start()
    receiver = wire.Channel(b)
    first, second, third = (receiver.receive() for _ in frames)
    writer.join()
    assert first == {"n": 1} and np.array_equal(second["x"], big) and third == [2, 3]

    def trickle() -> None:
        for i in range(len(data[:len(frames[0]) + 8])):
            a.sendall(data[i:i + 1])

    threading.Thread(target=trickle).start()
    assert receiver.receive() == {"n": 1}


def test_a_channel_reads_nothing_past_the_frame_it_receives():
    """Does receiving one frame leave the bytes after it in the socket, for whoever reads
    it next (the grader reads a child's socket off the control channel with recv_fds)?"""
    import socket

    a, b = socket.socketpair()
    frame = wire.encode({"op": "loaded"})
    a.sendall(len(frame).to_bytes(8, "big") + frame + b"F")
    assert wire.Channel(b).receive() == {"op": "loaded"}
    b.settimeout(5)
    assert b.recv(10) == b"F"


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


# -- shared arrays ------------------------------------------------------------------------
#
# One end is the grader's (FrozenArrays), the other the sandbox's (CheckedArrays), over a
# socket pair; arrays of 256 KB (above SHARED_MIN_BYTES). A message is written by a thread
# while the test reads it, as the other process would.

def _shared_pair(bound: int = 8 * 2**20) -> tuple[wire.Channel, wire.Channel]:
    import socket

    a, b = socket.socketpair()
    return wire.Channel(a, shared=wire.FrozenArrays(bound)), wire.Channel(b, shared=wire.CheckedArrays())


def _exchange(sender: wire.Channel, receiver: wire.Channel, message):
    """Send ``message`` from one end, receive it at the other: its frame's size, and what arrived."""
    import threading

    frame = sender.frame(message)
    thread = threading.Thread(target=sender.send_frame, args=(frame,))
    thread.start()
    try:
        return frame.size, receiver.receive(time.monotonic() + 10)
    finally:
        thread.join()


def _raw_send(sender: wire.Channel, *frames: bytes) -> None:
    """Write ``frames`` to the socket as they are (forged ones), from a thread."""
    import threading

    data = b"".join(len(frame).to_bytes(8, "big") + frame for frame in frames)

    def write() -> None:
        with contextlib.suppress(OSError):  # the reader may stop at the first bad byte and hang up
            sender.sock.sendall(data)

    threading.Thread(target=write, daemon=True).start()


def _big(seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(128, 256))  # 256 KB


def test_an_array_both_ends_hold_goes_back_as_a_reference():
    """When the sandbox passes back an array the grader sent it, and the grader answers
    with it inside a cache, does each cross as a few bytes, and arrive as the value the
    receiver holds (the sandbox's own object, as a call would return its argument)?"""
    grader, sandbox = _shared_pair()
    x = _big()
    received = _exchange(grader, sandbox, {"op": "call", "args": [x]})[1]["args"][0]
    assert np.array_equal(received, x) and received.flags.writeable
    size, message = _exchange(sandbox, grader, {"op": "callback", "args": [received]})
    held = message["args"][0]
    assert size < 1000 and np.array_equal(held, x) and not held.flags.writeable
    size, message = _exchange(grader, sandbox, {"op": "return", "value": (held, np.ones(3))})
    assert size < 1000 and message["value"][0] is received


def _scaled(x):
    x /= 255


def _swapped(x):
    x.flat[0], x.flat[-1] = x.flat[-1], x.flat[0]  # the same sum and XOR of all elements


def _one_bit(x):
    x.reshape(-1).view(np.uint64)[1000] ^= 1


def _reshaped(x):
    x.shape = (256, 128)


def _relu_backward(x):
    x[x <= 0] = 0


@pytest.mark.parametrize("change", [_scaled, _swapped, _one_bit, _reshaped, _relu_backward],
                         ids=["scaled", "two-elements-swapped", "one-bit", "reshaped-in-place", "relu-mask"])
def test_an_array_changed_in_place_is_sent_whole(change):
    """When student code writes into an array it received (``X /= 255``, ``dZ[Z <= 0] = 0``,
    two elements swapped), is it sent whole, so that the grader computes on what the
    student holds now, and referred to again once it is held as it is?"""
    grader, sandbox = _shared_pair()
    x = _exchange(grader, sandbox, {"args": [_big()]})[1]["args"][0]
    change(x)
    size, message = _exchange(sandbox, grader, {"args": [x]})
    assert size > x.nbytes
    got = message["args"][0]
    assert got.shape == x.shape and got.tobytes() == x.tobytes()
    _exchange(grader, sandbox, {"op": "return"})
    size, message = _exchange(sandbox, grader, {"args": [x]})
    assert size < 1000 and message["args"][0].tobytes() == x.tobytes()  # unchanged since it was sent whole


def test_a_reference_to_a_changed_array_resolves_to_the_value_it_named():
    """If the grader refers to an array the sandbox has changed since, does the sandbox
    resolve it to the value the handle named (a new object), not the changed one?"""
    grader, sandbox = _shared_pair()
    original = _big()
    x = _exchange(grader, sandbox, {"args": [original]})[1]["args"][0]
    held_by_grader = next(iter(grader.shared._held.values()))
    x *= 2
    back = _exchange(grader, sandbox, {"value": held_by_grader})[1]["value"]
    assert back is not x and np.array_equal(back, original) and back.flags.writeable


def test_the_grader_refers_to_what_it_sent_even_if_its_caller_changes_it():
    """When the grader's own code changes an array after sending it, does a reference
    from the sandbox still resolve to what was sent (the grader holds a read-only copy)?"""
    grader, sandbox = _shared_pair()
    mine = _big()
    x = _exchange(grader, sandbox, {"args": [mine]})[1]["args"][0]
    mine += 1
    assert np.array_equal(_exchange(sandbox, grader, {"args": [x]})[1]["args"][0], _big())


def test_the_same_array_twice_in_one_message_arrives_as_one_object():
    """Is an array that appears twice in a message sent once, and is one object on arrival?"""
    grader, sandbox = _shared_pair()
    x = _big()
    size, message = _exchange(grader, sandbox, {"args": [x, {"again": x}]})
    assert size < x.nbytes + 1000 and message["args"][0] is message["args"][1]["again"]


def test_arrays_the_sandbox_lets_go_are_dropped_on_both_ends():
    """When student code lets go of an array it received, does the grader hear of it in
    the next frame and stop holding it?"""
    grader, sandbox = _shared_pair()
    kept, dropped = _exchange(grader, sandbox, {"args": [_big(0), _big(1)]})[1]["args"]
    assert len(grader.shared) == 2
    del dropped
    _exchange(sandbox, grader, {"op": "callback", "args": [kept]})
    assert len(grader.shared) == 1 and len(sandbox.shared) == 1


@pytest.mark.parametrize("bound_arrays", [1, 3])
def test_the_grader_holds_no_more_than_its_bound(bound_arrays):
    """When the sandbox sends many arrays and keeps them all, does the grader hold at
    most its byte bound, tell the sandbox what it dropped, and get those sent whole again
    (never a reference it cannot resolve)?"""
    bound = bound_arrays * _big().nbytes
    grader, sandbox = _shared_pair(bound)
    kept = [_big(i) for i in range(8)]
    for x in kept:
        _exchange(sandbox, grader, {"op": "callback", "args": [x]})
        assert grader.shared.nbytes() <= bound
        _exchange(grader, sandbox, {"op": "return", "value": None})
        assert len(sandbox.shared) == len(grader.shared)
    for i, x in enumerate(kept):
        assert np.array_equal(_exchange(sandbox, grader, {"op": "callback", "args": [x]})[1]["args"][0], _big(i))
        _exchange(grader, sandbox, {"op": "return", "value": None})
        assert grader.shared.nbytes() <= bound


def test_room_made_in_a_frame_keeps_that_frames_references():
    """When the grader drops an array to make room for what it sends, and the same frame
    refers to that array, does the sandbox resolve the reference before dropping it?"""
    grader, sandbox = _shared_pair(bound=2 * _big().nbytes)
    x0, x1 = _exchange(grader, sandbox, {"args": [_big(0), _big(1)]})[1]["args"]
    held0, held1 = _exchange(sandbox, grader, {"args": [x0, x1]})[1]["args"]
    # needs room: the least recently used goes
    got = _exchange(grader, sandbox, {"value": [held0, held1, _big(2)]})[1]["value"]
    assert got[0] is x0 and got[1] is x1 and np.array_equal(got[2], _big(2))
    assert len(grader.shared) == len(sandbox.shared) == 2


def _forged(doc, buffers: list[bytes] = ()) -> bytes:
    body = json.dumps(doc).encode()
    frame = struct.pack(">I", len(body)) + body + struct.pack(">I", len(buffers))
    for buf in buffers:
        frame += struct.pack(">Q", len(buf)) + buf
    return frame


def _offer(handle, nbytes: int = 2**17):
    return _forged({"$t": "nd", "i": 0, "dtype": "|u1", "shape": [nbytes], "h": handle}, [bytes(nbytes)])


FORGED_REFERENCES = {
    "unknown-handle": _forged({"$t": "ref", "h": 7}),
    "handle-the-grader-gave-but-never-sent": _forged({"$t": "ref", "h": 2}),
    "handle-as-a-string": _forged({"$t": "ref", "h": "0"}),
    "handle-as-a-bool": _forged({"$t": "ref", "h": False}),
    "negative-handle": _forged({"$t": "ref", "h": -1}),
    "huge-handle": _forged({"$t": "ref", "h": 2**70}),
    "no-handle": _forged({"$t": "ref"}),
    "offer-with-the-graders-parity": _offer(4),
    "offer-on-a-small-array": _offer(1, nbytes=16),
    "drop-list-not-a-list": _forged({"$t": "msg", "v": 1, "drop": 5}),
    "drop-of-a-string": _forged({"$t": "msg", "v": 1, "drop": ["x"]}),
    "drops-nested-in-a-value": _forged([{"$t": "msg", "v": 1, "drop": []}]),
}


@pytest.mark.parametrize("frame", list(FORGED_REFERENCES.values()), ids=list(FORGED_REFERENCES))
def test_a_forged_reference_is_refused(frame):
    """Can the sandbox make the grader resolve a reference to anything but an array it
    holds for this channel, or offer handles the grader did not expect? (WireError,
    never another exception.)"""
    grader, sandbox = _shared_pair()
    _exchange(grader, sandbox, {"args": [_big()]})  # the grader holds handle 0
    _raw_send(sandbox, frame)
    with pytest.raises(wire.WireError):
        grader.receive(time.monotonic() + 10)


def test_a_reused_handle_is_refused():
    """Can the sandbox offer the same handle twice, replacing what the grader holds?"""
    grader, sandbox = _shared_pair()
    _raw_send(sandbox, _offer(1), _offer(1))
    grader.receive(time.monotonic() + 10)
    with pytest.raises(wire.WireError):
        grader.receive(time.monotonic() + 10)


def test_a_reference_on_a_channel_without_shared_arrays_is_refused():
    """Is a reference sent where no arrays are shared (the control channel) a WireError?"""
    with pytest.raises(wire.WireError):
        wire.decode(_forged({"$t": "ref", "h": 0}))


# -- functions as data (dlcheck.formulas) -----------------------------------------------------

def test_a_polynomial_crosses_as_its_coefficients_and_computes_the_same():
    """Does a polynomial come back as a polynomial with the same coefficients, giving the
    same value and gradient, for an x of its shape (or of its size, read in C order)?"""
    f = Polynomial(np.random.default_rng(0).normal(size=(4, 2, 3)))
    back = wire.decode(wire.encode({"f": f, "x": np.ones((2, 3))}))["f"]
    assert type(back) is Polynomial and back == f
    x = np.random.default_rng(1).normal(size=(2, 3))
    assert back(x) == f(x) == f(x.reshape(6)) and isinstance(back(x), float)
    assert np.array_equal(back.gradient(x), f.gradient(x))
    assert wire.from_json(wire.to_json(f)) == f


def test_a_polynomial_evaluates_to_its_formula():
    """Is f(x) the sum over elements of sum_k c_k x**k, and its gradient the derivative?"""
    f = Polynomial([1.0, -2.0, 0.5, 0.25])  # the same cubic on every element
    x = np.array([[0.5, -1.0], [2.0, 0.0]])
    assert f(x) == pytest.approx(float(np.sum(1 - 2 * x + 0.5 * x ** 2 + 0.25 * x ** 3)))
    assert np.allclose(f.gradient(x), -2 + x + 0.75 * x ** 2)
    assert Polynomial([0.0, 0.0, 1.0])(np.array([3.0, 4.0])) == 25.0  # the decks' function_2


def _forged_poly(node: dict) -> bytes:
    doc = json.dumps({"$t": "poly", **node}).encode()
    return struct.pack(">I", len(doc)) + doc + struct.pack(">I", 0)


@pytest.mark.parametrize("node", [
    {"c": {"$t": "nd", "dtype": "<f8", "shape": [5, 2], "data": [0.0] * 10}},
    {"c": {"$t": "nd", "dtype": "<i8", "shape": [2], "data": [1, 2]}},
    {"c": {"$t": "nd", "dtype": "<f8", "shape": [], "data": 1.0}},
    {"c": [1.0, 2.0]},
    {"c": "print('hello')"},
    {},
], ids=["degree-4", "integer-coefficients", "scalar", "a-list", "source-code", "no-coefficients"])
def test_a_malformed_polynomial_is_not_a_message(node):
    """Is a polynomial of too high a degree, of non-float coefficients, or of anything but an
    array of them refused like any malformed frame (a WireError, nothing built)?"""
    with pytest.raises(wire.WireError):
        wire.decode(_forged_poly(node))


def test_a_function_that_is_not_a_polynomial_crosses_as_a_type_name():
    """Does any other callable (a lambda, a numpy ufunc) arrive as a name that cannot be called?"""
    back = wire.decode(wire.encode([lambda x: x, np.sum, np.exp]))
    assert all(isinstance(v, wire.Unsupported) and not callable(v) for v in back)


def test_a_polynomial_called_on_part_of_its_x_says_so():
    """Is f called on a row of the x it was made for (the decks' batch version of
    numerical_gradient does this) a ValueError that says to call f on the whole x?"""
    f = Polynomial(np.ones((3, 2, 3)))
    with pytest.raises(ValueError, match=r"shape \(2, 3\).*not of shape \(3,\): call f on the whole x"):
        f(np.ones(3))


def test_a_sealed_array_on_a_channel_that_takes_no_descriptors_is_refused():
    """The grader's channels take no descriptors: is a sealed node (the sandbox's form of
    the grader's own data) sent to one a WireError, never an array?"""
    doc = json.dumps({"$t": "sealed", "f": 0, "dtype": "<f8", "shape": [4]}).encode()
    with pytest.raises(wire.WireError, match="descriptors"):
        wire.decode(struct.pack(">I", len(doc)) + doc + struct.pack(">I", 0))
