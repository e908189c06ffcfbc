#!/usr/bin/env python3
"""Independent oracle values for the CLV tests (mpmath, 40 digits). Run: python3 clv-oracles.py

Each section prints the numbers a test hard-codes, with the test that uses them. Expectations come from
numerical integration of the models' definitions (mp.quad), cross-checked where possible against the
closed forms with mpmath's own hyp2f1 (which treats integer c - a - b exactly).
"""
import mpmath as mp

mp.mp.dps = 40


def bg_while_alive(r, al, a, b, k, x, T, t):
    """E[(1 - (A / (A + p t))^(r + x)) / p] for p ~ Beta(a, b + x + k), A = alpha + T: expected purchases
    in the next t of a customer alive at T (BG/NBD k = 0, MBG/NBD k = 1), by quadrature over p."""
    B = b + x + k
    A = al + T
    f = lambda p: (1 - (A / (A + p * t)) ** (r + x)) / p * p ** (a - 1) * (1 - p) ** (B - 1) / mp.beta(a, B)
    return mp.quad(f, [0, mp.mpf('1e-8'), mp.mpf('1e-4'), mp.mpf('0.01'), mp.mpf('0.5'), 1])


def bg_alive(r, al, a, b, k, x, tx, T):
    if x + k == 0:
        return mp.mpf(1)
    return 1 / (1 + a / (b + x + k - 1) * ((al + T) / (al + tx)) ** (r + x))


def bg_conditional(r, al, a, b, k, x, tx, T, t):
    return bg_alive(r, al, a, b, k, x, tx, T) * bg_while_alive(r, al, a, b, k, x, T, t)


def bg_conditional_closed(r, al, a, b, k, x, tx, T, t):
    B = b + x + k
    A = al + T
    z = t / (A + t)
    return bg_alive(r, al, a, b, k, x, tx, T) * (a + B - 1) / (a - 1) * (
        1 - (A / (A + t)) ** (r + x) * mp.hyp2f1(r + x, B, a + B - 1, z))


def pareto_G(r, al, s, be, x, t):
    return mp.quad(lambda u: (al + u) ** (-(r + x)) * (be + u) ** (-(s + 1)),
                   [t] + [t + mp.mpf(10) ** k for k in range(-6, 8)] + [mp.inf])


def pareto_alive_and_ll(r, al, s, be, x, tx, T):
    alive = (al + T) ** (-(r + x)) * (be + T) ** (-s)
    bracket = alive + s * (pareto_G(r, al, s, be, x, tx) - pareto_G(r, al, s, be, x, T))
    ll = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al) + s * mp.log(be) + mp.log(bracket)
    return alive / bracket, ll


def show(label, value):
    print(f"{label} = {mp.nstr(value, 17)}")


print("# BgNbdTest / MbgNbdTest: r - a an integer and t > 3 (alpha + T) (the logarithmic hypergeometric case)")
for (r, al, a, b, k, x, tx, T, t) in [
        (2, 1, 3, 0.5, 0, 0, 0, 0, 10),
        (2, 1, 3, 0.5, 1, 0, 0, 0, 10),
        (1, 2, 1, 2.5, 0, 2, 5, 8, 100),
        (3, 0.5, 1, 0.7, 0, 4, 6, 9, 60),
        (0.75, 3, 0.75, 1.5, 0, 1, 2, 10, 200),
        (0.75, 3, 0.75, 1.5, 1, 1, 2, 10, 200),
        (2.5, 4, 1.5, 3, 0, 0, 0, 20, 500)]:
    q = bg_conditional(*map(mp.mpf, (r, al, a, b)), k, x, mp.mpf(tx), mp.mpf(T), mp.mpf(t))
    if a != 1:
        c = bg_conditional_closed(*map(mp.mpf, (r, al, a, b)), k, x, mp.mpf(tx), mp.mpf(T), mp.mpf(t))
        assert abs(q - c) < mp.mpf('1e-18') * abs(c), (q, c)
    show(f"{'MBG' if k else 'BG'} r={r} alpha={al} a={a} b={b} x={x} tx={tx} T={T} t={t}: E", q)

print("# BgNbdTest: a + b = 1 (c = a + b - 1 = 0 for a new customer) and beside it")
for (a, b) in [(0.5, 0.5), (0.3, 0.7), (0.3, mp.mpf(0.7) + mp.mpf('1e-9')), (0.3, 0.6)]:
    for t in (1, 39):
        show(f"BG r=0.24 alpha=4.4 a={a} b={b} t={t}: E[X(t)]",
             bg_conditional(mp.mpf('0.24'), mp.mpf('4.4'), mp.mpf(a), mp.mpf(b), 0, 0, 0, 0, mp.mpf(t)))
    show(f"BG r=0.24 alpha=4.4 a={a} b={b} x=0 T=30 t=52: conditional",
         bg_conditional(mp.mpf('0.24'), mp.mpf('4.4'), mp.mpf(a), mp.mpf(b), 0, 0, 0, mp.mpf(30), mp.mpf(52)))

print("# ParetoNbdTest: r or s an integer with beta > 4 alpha (or alpha > 4 beta)")
for (r, al, s, be, x, tx, T) in [
        (1, 1, 0.5, 10, 0, 0, 38),
        (1, 1, 0.5, 10, 3, 20, 38),
        (2, 1, 0.7, 20, 1, 5, 30),
        (0.55, 10, 1, 2, 0, 0, 38),
        (0.55, 10, 1, 2, 4, 30, 39)]:
    alive, ll = pareto_alive_and_ll(*map(mp.mpf, (r, al, s, be)), x, mp.mpf(tx), mp.mpf(T))
    show(f"Pareto r={r} alpha={al} s={s} beta={be} x={x} tx={tx} T={T}: P(alive)", alive)
    show(f"Pareto r={r} alpha={al} s={s} beta={be} x={x} tx={tx} T={T}: log-likelihood", ll)

print("# SpecialFunctionsTest: 2F1 at and beside integer c - a - b, z in (0.9, 1)")
for (a, b, c, z) in [
        (0.5, 2, 2.5, 0.95), (2, 1, 3, 0.99), (1, 0.5, 4.5, 0.93), (0.3, -0.2, 1.1, 0.999999),
        (1.5, 2, 3.5, 0.97), (2.5, 1.3, 3.8, 0.95), (2.5, 1.3, mp.mpf(3.8) + mp.mpf('1e-7'), 0.95),
        (2.5, 1.3, mp.mpf(3.8) + mp.mpf('3e-4'), 0.95), (2.5, 1.3, mp.mpf(3.8) - mp.mpf('2e-3'), 0.95),
        (0.7, 1.9, mp.mpf(1.6) + mp.mpf('1e-6'), 0.999), (3, 2, 4, 0.92), (0.25, 0.5, 0.75, 0.9999)]:
    show(f"2F1({mp.nstr(a, 17)}, {b}; {mp.nstr(c, 17)}; {z})", mp.hyp2f1(a, b, c, z))

print("# SpecialFunctionsTest: digamma")
for x in ('-0.3', '0.05', '3.7', '12.25'):
    show(f"psi({x})", mp.digamma(mp.mpf(x)))
