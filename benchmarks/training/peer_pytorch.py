#!/usr/bin/python3
"""The PyTorch peer of bench.cs `speed`: the same model and training step, on the same batch files.

Mirrors lib/QuickDraw/Model/RnnClassifier.cs line by line (conv1d x3 with `same` padding and no activation,
conv outputs zeroed past each length, dropout before every conv after the first, packed 3-layer bidirectional
LSTM with dropout between layers, dropout on the last layer's output, sum over time, linear) and the step of
lib/QuickDraw/Training/Trainer.cs (per-step seed, cross-entropy, zero_grad, backward, clip_grad_norm_,
Adam step, loss and accuracy summed on the device). Runs on Debian's python3-torch (1.13) for /usr/bin/python3,
and on trixie's 2.6 inside the root trixie_root.sh makes (run_torch26.sh).

usage: /usr/bin/python3 peer_pytorch.py --batches FILE [--steps N] [--warmup N] [--threads N] [--classes N] [--num-layers N --num-nodes N] [--serve]
       /usr/bin/python3 peer_pytorch.py --batches FILE --parity WEIGHTS   (same logits as ours, same weights?)
"""
import argparse
import struct
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class RnnClassifier(nn.Module):
    def __init__(self, num_conv=(48, 64, 96), conv_len=(5, 5, 3), num_layers=3, num_nodes=128, dropout=0.3, classes=345):
        super().__init__()
        self.p = dropout
        channels = 3
        self.convs = nn.ModuleList()
        for filters, k in zip(num_conv, conv_len):
            self.convs.append(nn.Conv1d(channels, filters, k, padding=k // 2))
            channels = filters
        self.dropout = nn.Dropout(dropout)
        # Dropout between layers only (torch warns and ignores it with one layer; so does ours).
        self.lstm = nn.LSTM(channels, num_nodes, num_layers, batch_first=True, dropout=dropout if num_layers > 1 else 0.0, bidirectional=True)
        self.output = nn.Linear(2 * num_nodes, classes)

    def forward(self, ink, lengths):             # ink (B, T, 3), lengths (B) int64 on the CPU
        T = ink.shape[1]
        mask = (torch.arange(T).unsqueeze(0) < lengths.unsqueeze(1)).unsqueeze(1).float()   # (B, 1, T)
        x = ink.transpose(1, 2) * mask           # (B, 3, T)
        for i, conv in enumerate(self.convs):
            if i > 0 and self.p > 0:
                x = self.dropout(x)
            x = conv(x) * mask                   # (B, C_i, T), zero past each end
        x = x.transpose(1, 2)                    # (B, T, C)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        outputs, _ = pad_packed_sequence(out, batch_first=True, total_length=T)   # (B, T, 2H)
        if self.p > 0:
            outputs = self.dropout(outputs)
        return self.output(outputs.sum(1))       # (B, classes)


def read_batches(path):
    """The batch file of bench.cs: "QDBATCH1", int32 count, then per batch int32 B, int32 T,
    float32 ink[B*T*3], int64 lengths[B], int64 labels[B] (little-endian)."""
    data = open(path, "rb").read()
    if data[:8] != b"QDBATCH1":
        raise SystemExit(f"{path} is not a batch file: run bench.cs prepare")
    (count,) = struct.unpack_from("<i", data, 8)
    offset, batches = 12, []
    for _ in range(count):
        B, T = struct.unpack_from("<ii", data, offset)
        offset += 8
        ink = np.frombuffer(data, "<f4", B * T * 3, offset).reshape(B, T, 3)
        offset += 4 * B * T * 3
        lengths = np.frombuffer(data, "<i8", B, offset)
        offset += 8 * B
        labels = np.frombuffer(data, "<i8", B, offset)
        offset += 8 * B
        batches.append((ink, lengths, labels))
    return batches


def check_parity(path, batches, num_layers=3, num_nodes=128):
    """Loads bench.cs parity's weights into the peer and compares eval-mode logits on the first batch."""
    data = open(path, "rb").read()
    (count,), offset, state = struct.unpack_from("<i", data, 0), 4, {}
    for _ in range(count):
        (n,) = struct.unpack_from("<i", data, offset)
        name = data[offset + 4:offset + 4 + n].decode()
        offset += 4 + n
        (ndim,) = struct.unpack_from("<i", data, offset)
        shape = struct.unpack_from(f"<{ndim}q", data, offset + 4)
        offset += 4 + 8 * ndim
        size = int(np.prod(shape))
        state[name] = torch.tensor(np.frombuffer(data, "<f4", size, offset).reshape(shape))
        offset += 4 * size
    B, C = struct.unpack_from("<ii", data, offset)
    theirs = torch.tensor(np.frombuffer(data, "<f4", B * C, offset + 8).reshape(B, C))
    net = RnnClassifier(num_layers=num_layers, num_nodes=num_nodes, classes=C)
    net.load_state_dict(state)                   # strict: every name and shape must match
    net.eval()
    ink, lengths, _ = batches[0]
    with torch.no_grad():
        ours = net(torch.tensor(ink), torch.tensor(lengths))
    diff = (ours - theirs).abs().max().item()
    print(f"parity: {len(state)} parameters loaded by name; max |logit difference| {diff:.2e} over {B}×{C} logits")
    if diff > 1e-4:
        raise SystemExit("parity FAILED: the peer is not the same model")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", required=True)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--classes", type=int, default=345)
    ap.add_argument("--num-layers", type=int, default=3, help="BiLSTM layers (3: the tutorial's; 1 with --num-nodes 64: the main job's)")
    ap.add_argument("--num-nodes", type=int, default=128, help="LSTM units per direction")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--serve", action="store_true", help="take turns with ours, driven by alternate.py on stdin")
    ap.add_argument("--parity", help="weights and logits written by bench.cs parity: compare, then exit")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    batches = read_batches(a.batches)
    if a.parity:
        return check_parity(a.parity, batches, a.num_layers, a.num_nodes)
    lr, clip = 1e-4, 9.0                         # TrainConfig's defaults (the tutorial's)
    torch.manual_seed(a.seed)
    net = RnnClassifier(num_layers=a.num_layers, num_nodes=a.num_nodes, classes=a.classes)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss_sum, correct_sum = torch.zeros(1), torch.zeros(1)
    net.train()
    step = 0

    def run(n):
        """The next n batches (cycling through the file), each with the trainer's step."""
        nonlocal step
        start, cpu, examples = time.perf_counter(), time.process_time(), 0
        for _ in range(n):
            ink_np, lengths_np, labels_np = batches[step % len(batches)]
            step += 1
            # HostBatch.ToTensors copies the host arrays into new tensors; so does torch.tensor.
            ink, lengths, labels = torch.tensor(ink_np), torch.tensor(lengths_np), torch.tensor(labels_np)
            torch.manual_seed(a.seed * 1_000_003 + step)
            logits = net(ink, lengths)
            loss = nn.functional.cross_entropy(logits, labels)
            optimizer.zero_grad()                # 1.13: zeroes, as TorchSharp does; 2.x: sets to None (its default; a little less work)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), clip)
            optimizer.step()
            with torch.no_grad():
                loss_sum.add_(loss.detach() * len(labels))
                correct_sum.add_(logits.argmax(1).eq(labels).sum().float())
            examples += len(labels)
        loss_sum.item()
        return examples, time.perf_counter() - start, time.process_time() - cpu

    about = f"{sum(p.numel() for p in net.parameters()):,} parameters, threads {torch.get_num_threads()}, torch {torch.__version__}"
    if a.serve:                                  # alternate.py's protocol, as bench.cs speed --serve
        print(f"ready peer ({about})", flush=True)
        for line in sys.stdin:
            if not line.startswith("run "):
                break
            examples, seconds, cpu = run(int(line[4:]))
            print(f"done {examples} {seconds!r} {cpu!r}", flush=True)
        return
    run(a.warmup)
    examples, seconds, _ = run(a.steps)
    print(f"peer examples/s {examples / seconds:.1f} ({a.steps} steps, {seconds:.2f} s, {about})")


if __name__ == "__main__":
    main()
