#!/usr/bin/env python3
"""Oracle for ParetoNbdIntegralTest.farApartScalesSettleAtEveryShape: log G(t) of the Pareto/NBD drop-out integral
G(t) = integral from t to infinity of (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) d tau, its gradient and Hessian
in (r, alpha, s, beta), where the scales are 1e12 to 1e50 apart and r, s are small (the points where the class's
quadrature used not to settle). mpmath 1.3.0 at 120 digits (1 - z is near 1e-50 and z takes 50 of them):
  G = (small + t)^-(e_small - 1) (big + t)^-e_big / A * hyp2f1(e_big, 1; A + 1; z),  z = (big - small) / (big + t),
(A = r + s + x; e_big = s + 1 when beta is the larger scale, r + x when alpha is), with mpmath's own hyp2f1 (its
transformations near z = 1), checked against mp.quad of the integral's definition at the points marked (the
script stops if they differ by 1e-15 relative, the quadrature's own accuracy at these scales); derivatives by
mp.diff of that closed form (gradient step 1e-20 of the argument, Hessian at mpmath's default step).
Run: python3 pareto-integral-oracle.py > pareto-integral-far-apart.csv
Columns: r, alpha, s, beta, x, t, log G, 4 gradient entries, 16 Hessian entries (row-major, order r, alpha, s, beta).
"""
import mpmath as mp

mp.mp.dps = 120


def log_g(r, al, s, be, x, t):
    a = r + s + x
    if be >= al:
        big, small, e_big, e_small = be, al, s + 1, r + x
    else:
        big, small, e_big, e_small = al, be, r + x, s + 1
    z = (big - small) / (big + t)
    return (-(e_small - 1) * mp.log(small + t) - e_big * mp.log(big + t) - mp.log(a)
            + mp.log(mp.hyp2f1(e_big, 1, a + 1, z)))


def log_g_quad(r, al, s, be, x, t):
    # over v = log((c + tau) / (c + t)), split at the knee where (c + t) e^v = big - c and around it
    c, big = min(al, be), max(al, be)
    f = lambda v: mp.exp(-(r + x) * mp.log(al - c + (c + t) * mp.exp(v))
                         - (s + 1) * mp.log(be - c + (c + t) * mp.exp(v)) + v) * (c + t)
    knee = mp.log((big - c) / (c + t))
    a = r + s + x
    pts = [mp.mpf(2) ** k for k in range(-12, 0)] + [mp.mpf(k) for k in range(0, int(knee) + 40)]
    pts += [knee + mp.mpf(2) ** k / a for k in range(-6, 12)]
    return mp.log(mp.quad(f, sorted(set(p for p in pts if p >= 0)) + [mp.inf], maxdegree=10))


points = []
for (r, s) in [(0.05, 0.05), (0.01, 0.01), (0.01, 0.3), (0.3, 0.05), (1.5, 0.01)]:
    for ratio in (1e12, 1e20, 1e50):
        for x, t in [(0, 0), (1, 0.5), (5, 30)]:
            points.append((r, 1, s, ratio, x, t))
            points.append((r, ratio, s, 1, x, t))
checked = {(0.05, 1, 0.05, 1e12, 0, 0), (0.01, 1e50, 0.01, 1, 1, 0.5), (0.3, 1e20, 0.05, 1, 5, 30)}

print("# made by: python3 pareto-integral-oracle.py (mpmath 1.3.0, 120 digits); see the script's docstring")
for p in points:
    r, al, s, be, t = (mp.mpf(v) for v in (p[0], p[1], p[2], p[3], p[5]))
    x = p[4]
    value = log_g(r, al, s, be, x, t)
    if p in checked:
        q = log_g_quad(r, al, s, be, x, t)
        assert abs(q - value) < mp.mpf('1e-15') * max(1, abs(value)), (p, q, value)
    f = lambda rr, aa, ss, bb: log_g(rr, aa, ss, bb, x, t)
    args = (r, al, s, be)
    grad = []
    hess = [[None] * 4 for _ in range(4)]
    for i in range(4):
        order = [0] * 4
        order[i] = 1
        grad.append(mp.diff(f, args, tuple(order), h=mp.mpf('1e-20') * max(1, abs(args[i]))))
    for i in range(4):
        for j in range(i, 4):
            order = [0] * 4
            order[i] += 1
            order[j] += 1
            hess[i][j] = hess[j][i] = mp.diff(f, args, tuple(order))
    cells = [repr(v) for v in p[:4]] + [str(x), repr(p[5])] + [mp.nstr(v, 20) for v in [value] + grad]
    cells += [mp.nstr(hess[i][j], 20) for i in range(4) for j in range(4)]
    print(",".join(cells))
