#!/usr/bin/env python3
"""Oracle for SpecialFunctionsBranchesTest: each special function of clv.internal.SpecialFunctions on both sides of
every switch between its methods (series / connection formula / logarithmic case / interpolation / Euler's
transformation for 2F1; series / contiguous relation / direct for the tail; recurrence / asymptotic series /
reflection for digamma; reflection for log-gamma), at the thresholds themselves (the double on each side),
and at tiny, huge, integer and half-integer arguments. mpmath 1.3.0 at 50 digits, from the exact double
arguments (Python floats, printed with repr so that Java reads the same doubles).
  2F1 tail: c (2F1(a, b; c; z) - 1) / b, continued at b = 0 and c = 0, is a z 3F2(a + 1, b + 1, 1; c + 1, 2; z)
  (from (a)_k = a (a + 1)_(k-1), (c)_k = c (c + 1)_(k-1), k! = (2)_(k-1) (1)_(k-1) / 1); the script checks that
  identity against mpmath's hyp2f1 wherever b and c are non-zero.
Run: python3 special-functions-oracle.py   (prints the Java rows that the test pastes)
"""
import mpmath as mp

mp.mp.dps = 50
NEXT_UP_09 = 0.9000000000000001        # Math.nextUp(0.9)
BELOW_HALF = 0.49999999999999994       # Math.nextDown(0.5)
ABOVE_HALF = 0.5000000000000001        # Math.nextUp(0.5)
BELOW_TEN = 9.999999999999998          # Math.nextDown(10.0)


def row(args, value):
    return "{" + ", ".join(repr(float(a)) for a in args) + ", " + mp.nstr(value, 17, min_fixed=-mp.inf, max_fixed=mp.inf) + "},"


def f(v):
    return mp.mpf(v)


print("// hypergeometric2F1: a, b, c, z, 2F1(a, b; c; z)")
h2f1 = [
    # z at 0, at the series limit 0.9 and the double above it (connection formula)
    (0.7, 1.3, 2.1, 0.0), (0.7, 1.3, 2.1, 0.9), (0.7, 1.3, 2.1, NEXT_UP_09),
    # c - a - b = 0, 1, 2, 3 exactly (dyadic arguments): the logarithmic case (its finite sum has m - 1 terms),
    # z up to 1 - 1e-8
    (0.25, 0.5, 0.75, 0.95), (0.25, 0.5, 0.75, 0.99999999), (1.5, 0.75, 3.25, 0.97), (0.625, 1.125, 3.75, 0.93),
    (2.5, 0.5, 6.0, 0.999), (1.25, 2.5, 6.75, 0.91),
    # c - a - b beside an integer: 1e-3 - 1e-6 (interpolation) and 1e-3 + 1e-6 (connection), both signs, m = 0, 1, 2
    (0.5, 0.75, 1.25 + 0.000999, 0.96), (0.5, 0.75, 1.25 + 0.001001, 0.96), (0.5, 0.75, 1.25 - 0.000999, 0.96),
    (0.5, 0.75, 1.25 - 0.001001, 0.96), (1.5, 0.75, 3.25 + 0.0005, 0.97), (1.5, 0.75, 3.25 - 0.0002, 0.97),
    (0.625, 1.125, 3.75 + 0.0009, 0.995), (0.625, 1.125, 3.75 - 0.0009, 0.995),
    # c - a - b < 0: Euler's transformation (-1.3, -0.6, -2 exactly), and -0.4, whose nearest integer is -0
    (1.5, 2.0, 2.2, 0.95), (1.2, 0.9, 1.5, 0.98), (1.5, 2.5, 2.0, 0.97), (0.9, 1.1, 1.6, 0.99),
    # c - a - b = 0.3 with c - a = -2 (a pole of the first connection term), and b = -2.3
    (2.3, -2.3, 0.3, 0.95),
    # negative non-integer a, b, c - a, c - b (Gamma's sign -1 on (-1, 0)) and -m on both sides of -1, by the
    # connection formula: each sign of its two terms is tried
    (1.5, -0.7, 1.1, 0.95), (-0.7, 1.5, 1.1, 0.95), (1.5, -0.7, 2.1, 0.95), (-0.4, 0.3, 0.2, 0.97),
    # c + a (and c + b) a pole while c - a is not: the first connection term must be kept
    (-1.5, 0.7, 0.5, 0.95), (0.7, -1.5, 0.5, 0.95),
    # a or b a non-positive integer: a polynomial, by its series at any z
    (-3.0, 1.7, 2.2, 0.99), (0.8, -2.0, 1.4, 0.999),
    # seriesIsFast: c = 40 (1 + |a| + |b|) = 70 (not fast: connection) and the double above (fast: series) at
    # z = 0.995; c = 200 at z = 0.999 (not fast) and the double below 0.999 (fast)
    (0.5, 0.25, 70.0, 0.995), (0.5, 0.25, 70.00000000000001, 0.995), (0.5, 0.25, 200.0, 0.999),
    (0.5, 0.25, 200.0, 0.9989999999999999),
    # c - a - b = 79, a large integer: the logarithmic case with a long finite sum
    (0.5, 0.5, 80.0, 0.995),
]
for (a, b, c, z) in h2f1:
    print(row((a, b, c, z), mp.hyp2f1(f(a), f(b), f(c), f(z))))


def tail(a, b, c, z):
    a, b, c, z = map(f, (a, b, c, z))
    value = a * z * mp.hyp3f2(a + 1, b + 1, 1, c + 1, 2, z)
    if b != 0 and c != 0:
        other = c * (mp.hyp2f1(a, b, c, z) - 1) / b
        assert abs(other - value) <= mp.mpf('1e-30') * abs(value), (a, b, c, z, value, other)
    return value


print("// hypergeometric2F1Tail: a, b, c, z, c (2F1(a, b; c; z) - 1) / b")
tails = [
    (0.7, 0.3, 2.0, 0.0), (0.7, 0.3, 2.0, 1e-10), (0.7, 0.3, 2.0, 0.5), (0.7, 0.3, 2.0, 0.9), (0.7, 0.3, 2.0, NEXT_UP_09), (0.7, 0.3, 2.0, 0.999),
    # |b| at and beside 1e-3 (series at 1e-3, formula above it), b = 0, b = -1e-3
    (0.7, 0.001, 2.0, 0.95), (0.7, 0.0010000000000000002, 2.0, 0.95), (0.7, 0.0, 2.0, 0.99), (0.7, -0.001, 2.0, 0.99),
    (0.7, 0.0011, 1.3, 0.999),
    # |c| below 0.5 (contiguous relation), c = 0 (F's pole, cancelled), at 0.5 and -0.5 (direct), c = 0.3, -0.3
    (0.7, 0.3, 0.0, 0.95), (0.7, 0.3, 0.49, 0.97), (0.7, 0.3, 0.5, 0.97), (0.7, 0.3, -0.3, 0.97), (1.5, -0.4, -0.5, 0.97),
    (0.7, 0.3, 0.3, 0.999), (0.7, 0.0, 0.0, 0.999), (2.5, 1.5, 0.2, 0.93),
    # c large: the series is fast at z < 0.999
    (0.5, 0.5, 90.0, 0.998),
    # b = 1e-3 at z from 0.5 to 0.999, for the joint series of several arguments
    (0.7, 0.001, 2.0, 0.5), (0.7, 0.001, 2.0, 0.999),
    # a = 1e-6: the tail is of order 1e-6, so its stopping rule must be relative to the sum
    (1e-6, 0.3, 2.0, 0.5), (1e-6, 0.3, 2.0, 0.9),
    # c < a + b: the series' terms do not shrink with k, so at z = 1 - 1e-6 it needs more than its 2e6 terms
    (1.5, 1.5, 2.0, 0.5), (1.5, 1.5, 2.0, 0.999999),
]
for (a, b, c, z) in tails:
    print(row((a, b, c, z), tail(a, b, c, z)))

print("// logAbsGamma: x, log |Gamma(x)|")
for x in (0.5, ABOVE_HALF, BELOW_HALF, 3.7, 1e-300, 1e-8, 171.5, -1e-8, -0.5, -2.5, -7.3, -100.7, -1.0000001):
    print(row((x,), mp.log(abs(mp.gamma(f(x))))))

print("// digamma: x, psi(x)")
for x in (0.5, BELOW_HALF, BELOW_TEN, 10.0, 10.000000000000002, 1.4616321449683622, 1e-8, -1e-8, -2.7, 1e5,
          1e15, 2.0, 25.5):
    print(row((x,), mp.digamma(f(x))))

print("// expm1Ratio: y, l, expm1(y l) / y (l at y = 0)")
for (y, l) in ((0.0, 2.5), (5e-11, 9.99), (1e-10, 10.01), (-5e-11, 9.99), (3e-10, 2.0), (0.3, 2.0), (-0.3, 2.0),
               (1e-10, 0.0)):
    yy, ll = f(y), f(l)
    print(row((y, l), ll if y == 0 else mp.expm1(yy * ll) / yy))
