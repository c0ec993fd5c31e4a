"""Self-checks for the exercises.

A student's answer (a number, a vector or a function) is compared with the
reference, a function at several points; a friendly Korean verdict is printed
and ``True``/``False`` returned. An exercise cell left as ``None`` is reported
as "not answered yet", not as an error, so a notebook still runs top to bottom.

The hidden answer cells call the same check with ``strict=True``: a wrong
model answer then raises ``AssertionError`` and CI fails, instead of a wrong
answer being shown to students.
"""

from __future__ import annotations

import numpy as np

DEFAULT_POINTS = (-2.0, -0.5, 0.0, 0.7, 1.5, 3.0)


def _verdict(ok, message, strict):
    if ok:
        print(f"✅ 정답입니다! {message}".rstrip())
        return True
    if strict:
        raise AssertionError(f"모범답안이 틀렸습니다: {message}")
    print(f"❌ 아직 아닙니다. {message}".rstrip())
    return False


def _not_answered(strict):
    if strict:
        raise AssertionError("모범답안이 비어 있습니다 (None).")
    print("✏️ 아직 답을 입력하지 않았습니다. None 자리를 채우고 다시 실행해 보세요.")
    return False


def check_number(answer, expected, rtol=1e-6, atol=1e-9, strict=False):
    """Compare a number (or a vector of numbers) with the expected value.

    Parameters
    ----------
    answer : float or array_like or None
        The student's answer; None means "not answered yet".
    expected : float or array_like
        The reference value.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    strict : bool, default False
        Raise ``AssertionError`` instead of printing when the answer is wrong
        (used by the model-answer cells).

    Returns
    -------
    bool
        Whether the answer matches.
    """
    if answer is None:
        return _not_answered(strict)
    try:
        got = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return _verdict(False, f"숫자가 아닙니다: {answer!r}", strict)
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        return _verdict(False, f"모양이 다릅니다: {got.shape} (기대: {want.shape})", strict)
    ok = bool(np.allclose(got, want, rtol=rtol, atol=atol))
    return _verdict(ok, "" if ok else f"입력: {np.round(got, 6).tolist()}", strict)


def check_function(answer, reference, points=DEFAULT_POINTS, rtol=1e-6, atol=1e-9,
                   strict=False):
    """Compare a function with the reference at several points.

    Parameters
    ----------
    answer : callable or None
        The student's function; None (or a function returning None) means
        "not answered yet".
    reference : callable
        The reference function.
    points : iterable, default (-2, -0.5, 0, 0.7, 1.5, 3)
        Where to compare. For functions of several variables give tuples,
        e.g. ``[(0, 1), (2, -1)]``; each tuple is unpacked as arguments.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    strict : bool, default False
        Raise ``AssertionError`` instead of printing when the answer is wrong.

    Returns
    -------
    bool
        Whether the answer matches at every point.
    """
    if answer is None:
        return _not_answered(strict)
    if not callable(answer):
        return _verdict(False, f"함수가 아닙니다: {answer!r}", strict)
    points = list(points)
    for point in points:
        args = point if isinstance(point, tuple) else (point,)
        shown = ", ".join(f"{a:g}" for a in args)
        try:
            got = answer(*args)
        except Exception as error:  # a student's bug, reported, not raised
            return _verdict(False, f"({shown})에서 오류가 났습니다: {error!r}", strict)
        if got is None:
            return _not_answered(strict)
        want = np.asarray(reference(*args), dtype=float)
        try:
            got_array = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return _verdict(False, f"({shown})에서 숫자가 아닌 값: {got!r}", strict)
        if got_array.shape != want.shape or not np.allclose(got_array, want, rtol=rtol,
                                                            atol=atol):
            return _verdict(
                False,
                f"({shown})에서 {np.round(got_array, 6).tolist()} "
                f"(기대: {np.round(want, 6).tolist()})",
                strict,
            )
    return _verdict(True, f"{len(points)}개의 점에서 모두 일치합니다.", strict)
