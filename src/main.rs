//! The `loa` command: parses the command line (clap) and maps results to exit codes —
//! 0 success, 1 the site has errors (nothing written), 2 bad command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use loa::cmd;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "loa",
    version,
    about = "Loa: trình tạo trang web tĩnh cho thông tin bầu cử (static site generator for Vietnamese voter information)"
)]
struct Cli {
    /// Ngôn ngữ thông báo / language of messages
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Xây dựng trang web vào thư mục đầu ra / build the site
    Build(BuildArgs),
    /// Kiểm tra trang web mà không ghi gì / check everything, write nothing
    Check {
        /// Thư mục trang web / site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Coi cảnh báo là lỗi / warnings fail the check
        #[arg(long)]
        strict: bool,
        /// Kiểm tra cả trang nháp / include drafts
        #[arg(long)]
        drafts: bool,
    },
    /// Xem trước tại 127.0.0.1, tự tải lại khi sửa / preview with live reload
    Serve {
        /// Thư mục trang web / site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Địa chỉ lắng nghe / address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Cổng / port
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Hiện cả trang nháp / show drafts
        #[arg(long)]
        drafts: bool,
        /// Hiện cả trang hẹn giờ đăng / show scheduled pages
        #[arg(long)]
        future: bool,
    },
    /// Tạo trang mới với thông tin đầu trang / new page with front matter
    New {
        /// mục/tệp.md, hoặc chỉ tên mục khi có --title / section/file.md, or a section with --title
        path: String,
        /// Tiêu đề trang / page title
        #[arg(long)]
        title: Option<String>,
        /// Thư mục trang web / site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Tạo trang web mới từ giao diện mặc định / new site from the default theme
    Init {
        /// Thư mục sẽ tạo / folder to create
        dir: PathBuf,
    },
}

#[derive(Args)]
struct BuildArgs {
    /// Thư mục trang web / site folder
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Thư mục đầu ra (mặc định <root>/public) / output folder
    #[arg(long)]
    output: Option<PathBuf>,
    /// Thay base_url của site.yaml / replaces base_url
    #[arg(long)]
    base_url: Option<String>,
    /// Liên kết tới index.html để mở từ file:// hoặc USB / links work from file://
    #[arg(long)]
    offline: bool,
    /// Gồm cả trang nháp / include drafts
    #[arg(long)]
    drafts: bool,
    /// Gồm cả trang hẹn giờ đăng / include pages scheduled for later
    #[arg(long)]
    future: bool,
    /// Thời điểm xây dựng, ví dụ 2021-05-23 / build time
    #[arg(long)]
    now: Option<String>,
    /// Coi cảnh báo là lỗi / warnings fail the build
    #[arg(long)]
    strict: bool,
    /// Không in gì khi thành công / print nothing on success
    #[arg(long)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => loa::Lang::Vi,
        LangArg::En => loa::Lang::En,
    };
    let code = match cli.command {
        Command::Build(a) => {
            let mut opts = loa::Options::new(a.root);
            opts.output = a.output;
            opts.base_url = a.base_url;
            opts.offline = a.offline;
            opts.drafts = a.drafts;
            opts.future = a.future;
            opts.strict = a.strict;
            opts.lang = lang;
            opts.now = cmd::build_time(a.now);
            cmd::build(&opts, a.quiet)
        }
        Command::Check {
            root,
            strict,
            drafts,
        } => {
            let mut opts = loa::Options::new(root);
            opts.strict = strict;
            opts.drafts = drafts;
            opts.lang = lang;
            opts.now = cmd::build_time(None);
            cmd::check(&opts)
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            future,
        } => {
            let mut opts = loa::Options::new(root);
            opts.drafts = drafts;
            opts.future = future;
            opts.lang = lang;
            opts.now = cmd::build_time(None);
            cmd::serve(opts, bind, port)
        }
        Command::New { path, title, root } => cmd::new(&root, &path, title.as_deref(), lang),
        Command::Init { dir } => cmd::init(&dir, lang),
    };
    ExitCode::from(code)
}
