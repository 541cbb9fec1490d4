"""Mid-size: the GRU of hidden size 128 over 100 steps (see rnn_mid.py)."""
import sys
from rnn_mid import main
main("gru", int(sys.argv[1]) if len(sys.argv) > 1 else 20)
