"""The engine's training step in PyTorch on the same machine, for `npm run bench` (never run by the tests).

Same model as src/core/model.ts: an MLP encoder x -> (mu, log sigma^2) in one head, ReLU hidden layers, a mirrored
decoder to pixel logits; Bernoulli reconstruction from logits summed over pixels, the closed-form KL, beta = 1, the
mean over the batch, Adam (lr 1e-3, eps 1e-7 as tfjs uses in float32), fresh noise every step. Prints one JSON object:
{"torch": version, "defaultThreads": n, "rows": [{model, batchSize, threads, msPerStep, cpuMsPerStep}]}: msPerStep
is the median of the timed steps' wall-clock times, cpuMsPerStep the process's CPU time per step (all threads).
Usage: python3 bench/torch_step.py [timed steps] [model:batch ...], e.g. 784-256-16:64 784-400-20:128.
"""

import json
import os
import statistics
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F


class Vae(nn.Module):
    """784-h...-z: encoder to [mu, log sigma^2], decoder back to logits."""

    def __init__(self, sizes):
        super().__init__()
        inputs, *hidden, latent = sizes
        widths = [inputs, *hidden]
        self.encoder = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.head = nn.Linear(widths[-1], 2 * latent)
        back = [latent, *reversed(hidden)]
        self.decoder = nn.ModuleList(nn.Linear(a, b) for a, b in zip(back, back[1:]))
        self.output = nn.Linear(back[-1], inputs)
        self.latent = latent

    def loss(self, x):
        h = x
        for layer in self.encoder:
            h = F.relu(layer(h))
        mu, log_var = self.head(h).chunk(2, dim=1)
        z = mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)
        for layer in self.decoder:
            z = F.relu(layer(z))
        logits = self.output(z)
        reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = 0.5 * (mu.square() + log_var.exp() - 1 - log_var).sum(1)
        return (reconstruction + kl).mean()


def time_steps(sizes, batch, threads, timed, warmup=10):
    """Median wall-clock ms of one Adam step and the process's CPU ms per step, after `warmup` untimed steps."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = Vae(sizes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    x = (torch.rand(batch, sizes[0]) < 0.5).float()

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = model.loss(x)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(warmup):
        step()
    walls = []
    cpu_start = time.process_time()
    for _ in range(timed):
        start = time.perf_counter()
        step()
        walls.append((time.perf_counter() - start) * 1000)
    cpu = (time.process_time() - cpu_start) / timed * 1000
    return statistics.median(walls), cpu


def main():
    timed = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    specs = sys.argv[2:] or ["784-256-16:64", "784-400-20:128"]
    default_threads = torch.get_num_threads()
    thread_counts = sorted({1, default_threads, os.cpu_count() or 1})
    rows = []
    for spec in specs:
        model, batch = spec.split(":")
        sizes = [int(n) for n in model.split("-")]
        for threads in thread_counts:
            wall, cpu = time_steps(sizes, int(batch), threads, timed)
            rows.append(
                {"model": model, "batchSize": int(batch), "threads": threads, "msPerStep": wall, "cpuMsPerStep": cpu}
            )
    print(json.dumps({"torch": torch.__version__, "defaultThreads": default_threads, "rows": rows}))


if __name__ == "__main__":
    main()
